using System.Diagnostics;
using System.Globalization;
using DagMaster.Benchmarks.Hosting;
using DagMaster.Benchmarks.Reporting;

namespace DagMaster.Benchmarks.Rows;

/// <summary>Hop latency: one chain of no-op tasks, one worker process whose long polls are always outstanding.</summary>
public static class HopLatencyRow
{
    public const double TargetP50 = 5;
    public const double TargetP99 = 25;

    public static async Task RunAsync(BenchContext context)
    {
        var length = context.Settings.ChainLength;
        var queues = $"{BenchWorkflows.ChainQueue},{BenchWorkflows.SideQueue}";
        await using var worker = context.StartWorkers(1, queues, claimers: 3, batch: 1, concurrency: 4, bulkResults: false).Single();

        // Untimed chains until the background JIT is idle: the row measures a warm server, not its start-up. Tiered
        // compilation re-compiles the hot methods of DagMaster, the worker and the harness once they have been called
        // 30 times; on two cores that took 5–6.5 s of CPU over the first 10–18 s of chains, half a core taken from
        // the steps, while one chain of 200 takes 1–2 s (ADR-0119).
        var jit = new BackgroundJit(context.Host.Pid, worker.Pid, Environment.ProcessId);
        var warmUp = await jit.WarmUpAsync(async () =>
        {
            var chain = (await context.Api.SubmitAsync(BenchWorkflows.Chain, "{}")).JobId;
            await context.WaitForJobAsync(chain, TimeSpan.FromSeconds(Math.Max(60, length)), TimeSpan.FromMilliseconds(50));
        }, TimeSpan.FromMinutes(1));

        await context.Database.ResetProfileAsync();
        var clock = Stopwatch.StartNew();
        var job = (await context.Api.SubmitAsync(BenchWorkflows.Chain, "{}")).JobId;
        var status = await context.WaitForJobAsync(job, TimeSpan.FromSeconds(Math.Max(60, length)), TimeSpan.FromMilliseconds(50));
        var elapsed = clock.Elapsed;
        var records = await worker.StopAsync();
        var statements = await context.Database.WriteProfileAsync(Path.Combine(context.Settings.OutputDirectory, "profile-hop.tsv"));

        var hops = HopAnalysis.Of(records, new HashSet<string> { job.ToString() });
        var row = Row("hop", $"hop latency p50 / p99 (chain of {length})", hops, status, elapsed, length);
        row.Details["sql_statements_per_task"] = Math.Round(statements / (double)length, 1);
        warmUp.AddTo(row.Details, "chains");
        row.Details["jit_cpu_seconds_while_measured"] = Math.Round(jit.CpuSeconds() - warmUp.JitSeconds, 2);
        context.Report.Add(context.Settings.ServiceBus ? BenchContext.OverServiceBus(row) : row);
    }

    /// <summary>
    /// The hop row, judged end to end: from sending the <c>complete</c> to the successor's delivery to a waiting
    /// worker (what a worker feels); the figure from the <c>complete</c>'s answer alongside.
    /// </summary>
    public static ResultRow Row(string key, string figure, HopAnalysis hops, string? status, TimeSpan elapsed, int tasks,
        double targetP50 = TargetP50, double targetP99 = TargetP99)
    {
        var measured = hops.FromSend.Count == 0
            ? $"no hops measured (job {status ?? "did not finish"})"
            : $"{Ms(hops.FromSend.P50)} / {Ms(hops.FromSend.P99)} (from the complete's answer: {Ms(hops.FromAck.P50)} / {Ms(hops.FromAck.P99)})";
        var met = hops.FromSend.Count > 0 && hops.FromSend.P50 <= targetP50 && hops.FromSend.P99 <= targetP99;
        return new ResultRow(key, figure, measured, $"≤ {targetP50} ms / ≤ {targetP99} ms", met)
        {
            Details = new Dictionary<string, object?>(hops.ToJson())
            {
                ["job_status"] = status,
                ["wall_seconds"] = Math.Round(elapsed.TotalSeconds, 2),
                ["wall_ms_per_task"] = tasks > 0 ? Math.Round(elapsed.TotalMilliseconds / tasks, 2) : null,
            },
        };
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";
}
