using System.Diagnostics;
using DagMaster.Benchmarks.Hosting;
using DagMaster.Benchmarks.Reporting;

namespace DagMaster.Benchmarks.Rows;

/// <summary>
/// Throughput: N echo-shaped jobs are submitted first (so N jobs are in flight at once), then two worker
/// processes drain them over HTTP; tasks/s runs from the first claim answer to the moment every job has ended.
/// A warm-up round of N jobs goes first, untimed, so the figure is the steady state rather than the JIT's first
/// passes over the claim and result paths (tiered compilation was still recompiling hot methods after 400 jobs).
/// </summary>
public static class ThroughputRow
{
    public const double Target = 2000;

    public static async Task RunAsync(BenchContext context)
    {
        var warmUp = context.Settings.ThroughputJobs;
        if (warmUp > 0)
        {
            await context.SubmitManyAsync(BenchWorkflows.Echo, warmUp, 64);
            var warmUpWorkers = context.StartWorkers(2, BenchWorkflows.EchoQueue, claimers: 4, batch: 50, concurrency: 32);
            await WaitForEndedAsync(context, warmUp, TimeSpan.FromSeconds(120));
            await WorkerProcess.StopAllAsync(warmUpWorkers);
        }

        var count = context.Settings.ThroughputJobs;
        var submitClock = Stopwatch.StartNew();
        await context.SubmitManyAsync(BenchWorkflows.Echo, count, 64);
        var submitSeconds = submitClock.Elapsed.TotalSeconds;

        await context.Database.ResetProfileAsync();
        var cpuBefore = ProcFs.CpuSeconds(context.Host.Pid);
        var workers = context.StartWorkers(2, BenchWorkflows.EchoQueue, claimers: 4, batch: 50, concurrency: 32);
        var ended = await WaitForEndedAsync(context, warmUp + count, TimeSpan.FromSeconds(180)) - warmUp;
        var allEnded = Stopwatch.GetTimestamp();
        var cpu = ProcFs.CpuSeconds(context.Host.Pid) - cpuBefore;
        var records = await WorkerProcess.StopAllAsync(workers);
        var statements = await context.Database.WriteProfileAsync(Path.Combine(context.Settings.OutputDirectory, "profile-throughput.tsv"));
        var failed = await context.Database.ScalarAsync<long>($"SELECT count(*) FROM dagmaster.jobs WHERE workflow_id = '{BenchWorkflows.Echo}' AND status <> 'Completed'");

        var completed = records.Count(r => r.Status is >= 200 and < 300);
        var seconds = records.Count == 0 ? double.NaN : (allEnded - records.Min(r => r.Received)) / (double)Stopwatch.Frequency;
        var rate = completed / seconds;
        var measured = ended >= count
            ? $"{rate:0} tasks/s ({count} jobs in {seconds:0.0} s)"
            : $"did not finish in 180 s ({ended} of {count} jobs ended, {completed} tasks completed)";
        var row = new ResultRow("throughput", $"throughput ({count} concurrent echo-shaped jobs)", measured, $"≥ {Target:0} tasks/s", ended >= count && rate >= Target)
        {
            Details = new()
            {
                ["tasks_completed"] = completed,
                ["jobs_not_completed"] = failed,
                ["seconds"] = Math.Round(seconds, 2),
                ["tasks_per_second"] = Math.Round(rate, 1),
                ["submit_seconds"] = Math.Round(submitSeconds, 2),
                ["warm_up_jobs"] = warmUp,
                ["dagmaster_cpu_seconds"] = Math.Round(cpu, 2),
                ["dagmaster_cpu_ms_per_task"] = completed > 0 ? Math.Round(cpu * 1000 / completed, 2) : null,
                ["sql_statements"] = statements,
                ["sql_statements_per_task"] = completed > 0 ? Math.Round(statements / (double)completed, 1) : null,
            },
        };
        context.Report.Add(context.Settings.ServiceBus ? BenchContext.OverServiceBus(row) : row);
    }

    /// <summary>Waits until <paramref name="expected"/> echo jobs have ended (or the time runs out); returns how many have.</summary>
    private static async Task<long> WaitForEndedAsync(BenchContext context, long expected, TimeSpan timeout)
    {
        // The poll counts the jobs still in flight (a status index scan over at most a few thousand rows), not
        // every ended job, so it costs PostgreSQL little while the row runs.
        var submitted = await context.Database.ScalarAsync<long>($"SELECT count(*) FROM dagmaster.jobs WHERE workflow_id = '{BenchWorkflows.Echo}'");
        var ended = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var inFlight = await context.Database.ScalarAsync<long>(
                $"SELECT count(*) FROM dagmaster.jobs WHERE status IN ('Pending', 'Running') AND workflow_id = '{BenchWorkflows.Echo}'");
            ended = submitted - inFlight;
            if (ended >= expected)
            {
                break;
            }

            await Task.Delay(20);
        }

        return ended;
    }
}
