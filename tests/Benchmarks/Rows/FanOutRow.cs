using System.Diagnostics;
using System.Text;
using DagMaster.Benchmarks.Hosting;
using DagMaster.Benchmarks.Reporting;
using DagMaster.Client;

namespace DagMaster.Benchmarks.Rows;

/// <summary>
/// Wide fan-out: one job fans out over N no-op children and fans them in, under a time cap; meanwhile short chain
/// jobs run one after another on their own queue to show whether other jobs keep their hop latency. Smaller untimed
/// fan-outs run first until the background JIT is idle (ADR-0125); DagMaster's peak RSS is reset after them and read
/// after the row.
/// </summary>
public static class FanOutRow
{
    public const double TargetSeconds = 45;
    public const double TargetRssMb = 400;

    public static async Task RunAsync(BenchContext context)
    {
        var children = context.Settings.FanOutChildren;
        var cap = TimeSpan.FromSeconds(context.Settings.FanOutTimeoutSeconds);
        var pid = context.Host.Pid;

        // One long poll per worker process, as the SDK's worker host keeps (ADR-0128): four per process did not shorten
        // the fan-out; they took the cores from the other jobs' steps and filled DagMaster's memory with claims in flight.
        var workers = context.StartWorkers(2, BenchWorkflows.FanOutQueue, claimers: 1, batch: 100, concurrency: 32);
        var sideWorker = context.StartWorkers(1, BenchWorkflows.SideQueue, claimers: 3, batch: 1, concurrency: 4, bulkResults: false);

        // Untimed smaller fan-outs, side chains running, until the background JIT is idle (ADR-0125): the worker
        // processes are new and DagMaster has not yet run a fan-out's code, and their tiered compilation used up to
        // half of the two cores over the first ten seconds of the row, while the side chains were measured.
        var jit = new BackgroundJit([pid, .. workers.Concat(sideWorker).Select(w => w.Pid), Environment.ProcessId]);
        var warmUpChildren = Math.Min(WarmUpChildren, children);
        var warmUp = await jit.WarmUpAsync(async () =>
        {
            using var stopWarmUpSide = new CancellationTokenSource();
            var side = RunSideChainsAsync(context, stopWarmUpSide.Token);
            var round = (await context.Api.SubmitAsync(BenchWorkflows.FanOut, Items(warmUpChildren))).JobId;
            await context.WaitForJobAsync(round, cap, TimeSpan.FromMilliseconds(200));
            await stopWarmUpSide.CancelAsync();
            await side;
        }, TimeSpan.FromSeconds(90));

        // The row starts as a production queue does after a quiet spell: analysed while drained, so its statistics
        // say it is empty until autovacuum analyses it again, up to a minute into the row (ADR-0127).
        await context.Database.ExecuteAsync("ANALYZE dagmaster.task_queue");
        var queueStatistics = await context.Database.ScalarAsync<string>(
            "SELECT format('%s rows in %s pages', reltuples, relpages) FROM pg_class WHERE oid = 'dagmaster.task_queue'::regclass");
        await context.Database.ResetProfileAsync();

        var peakReset = ProcFs.ResetPeakRss(pid);
        var rssBeforeKb = ProcFs.StatusKb(pid, "VmRSS");
        var items = Items(children);
        var jitBefore = jit.CpuSeconds();
        var cpu = new CpuShares(pid, workers.Select(w => w.Pid), sideWorker.Select(w => w.Pid));
        var clock = Stopwatch.StartNew();
        using var submitCap = new CancellationTokenSource(cap);
        var submit = context.Api.SubmitAsync(BenchWorkflows.FanOut, items, submitCap.Token);
        using var stopSide = new CancellationTokenSource();
        var sideJobs = RunSideChainsAsync(context, stopSide.Token);

        Guid? job = null;
        string? status = null;
        string? submitError = null;
        long nodesCompleted = 0;
        long maxRssKb = 0;
        while (clock.Elapsed < cap && status is null && submitError is null)
        {
            maxRssKb = Math.Max(maxRssKb, ProcFs.StatusKb(pid, "VmRSS") ?? 0);
            if (job is null)
            {
                // The submit may itself take long (the fan-out can expand inside it); RSS and side chains are measured meanwhile.
                await Task.WhenAny(submit, Task.Delay(TimeSpan.FromSeconds(1)));
                if (submit.IsCompletedSuccessfully)
                {
                    job = submit.Result.JobId;
                }
                else if (submit.IsFaulted)
                {
                    submitError = submit.Exception.InnerException?.Message;
                }

                continue;
            }

            (status, nodesCompleted) = await PollAsync(context, job.Value, cap - clock.Elapsed + TimeSpan.FromSeconds(1), nodesCompleted);
            if (status is null)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        var elapsed = clock.Elapsed;
        var cpuWhileMeasured = cpu.Since();
        var jitWhileMeasured = jit.CpuSeconds() - jitBefore;
        if (job is null && submitError is null)
        {
            try
            {
                job = (await submit).JobId;
            }
            catch (OperationCanceledException)
            {
                // The cap ended the submit call; DagMaster rolls the submission back.
            }
        }

        await stopSide.CancelAsync();
        var sideIds = await sideJobs;
        var peakKb = ProcFs.StatusKb(pid, "VmHWM");
        if (job is { } started && status is null)
        {
            await context.Api.CancelAsync(started);
        }

        var records = await WorkerProcess.StopAllAsync(workers);
        var sideRecords = await WorkerProcess.StopAllAsync(sideWorker);
        var statements = await context.Database.WriteProfileAsync(Path.Combine(context.Settings.OutputDirectory, "profile-fanout.tsv"));
        var childrenDone = records.Count(r => r.JobId == job?.ToString() && r.NodeId.StartsWith("split__", StringComparison.Ordinal) && r.Status is >= 200 and < 300);

        var finished = status == "completed";
        var measured = status switch
        {
            "completed" => $"{elapsed.TotalSeconds:0.0} s",
            null when submitError is not null => $"submit failed: {submitError}",
            null when job is null => $"did not finish in {cap.TotalSeconds:0} s (the submit call had not returned)",
            null => $"did not finish in {cap.TotalSeconds:0} s ({childrenDone} of {children} children completed)",
            _ => $"job {status} after {elapsed.TotalSeconds:0.0} s ({childrenDone} of {children} children completed)",
        };
        context.Report.Add(new ResultRow("fanout", $"wide fan-out ({children} children + fan-in)", measured, $"≤ {TargetSeconds:0} s", finished && elapsed.TotalSeconds <= TargetSeconds)
        {
            Details = new()
            {
                ["children"] = children,
                ["children_completed"] = childrenDone,
                ["job_status"] = status ?? "running (cancelled at the cap)",
                ["nodes_completed_reported"] = nodesCompleted,
                ["seconds"] = Math.Round(elapsed.TotalSeconds, 1),
                ["submit_ms"] = submit.IsCompletedSuccessfully ? Math.Round(submit.Result.Latency.TotalMilliseconds, 1) : null,
                ["sql_statements"] = statements,
                ["sql_statements_per_child"] = childrenDone > 0 ? Math.Round(statements / (double)childrenDone, 1) : null,
                ["cpu_seconds"] = cpuWhileMeasured,
                ["queue_statistics_at_start"] = queueStatistics,
            },
        });

        var peakMb = (peakReset ? peakKb : maxRssKb) / 1024.0;
        context.Report.Add(new ResultRow("fanout_rss", "fan-out: DagMaster peak RSS", $"{peakMb:0} MB", $"≤ {TargetRssMb:0} MB", peakMb <= TargetRssMb)
        {
            Details = new()
            {
                ["peak_rss_mb"] = Math.Round(peakMb ?? 0, 1),
                ["peak_source"] = peakReset ? "VmHWM, reset before the row" : "max sampled VmRSS",
                ["rss_before_mb"] = rssBeforeKb / 1024,
                ["max_sampled_rss_mb"] = maxRssKb / 1024,
            },
        });

        var hops = HopAnalysis.Of(sideRecords, sideIds.Select(id => id.ToString()).ToHashSet());
        var hopRow = HopLatencyRow.Row("fanout_hop", "hop latency p50 / p99 during the fan-out", hops, $"{sideIds.Count} side chains", elapsed, hops.FromSend.Count,
            targetP50: 10, targetP99: 50);
        warmUp.AddTo(hopRow.Details, "fan_outs");
        hopRow.Details["warm_up_children_each"] = warmUpChildren;
        hopRow.Details["jit_cpu_seconds_while_measured"] = Math.Round(jitWhileMeasured, 2);
        context.Report.Add(hopRow);
    }

    /// <summary>Children of each warm-up fan-out: a round of 2–3 s once warm.</summary>
    private const int WarmUpChildren = 10_000;

    private static string Items(int count) => new StringBuilder("{\"items\":[").AppendJoin(',', Enumerable.Range(0, count)).Append("]}").ToString();

    /// <summary>One progress poll of the fan-out job: its status when it has ended, and its completed node count.</summary>
    private static async Task<(string? Status, long NodesCompleted)> PollAsync(BenchContext context, Guid job, TimeSpan timeout, long lastCount)
    {
        try
        {
            using var pollCap = new CancellationTokenSource(timeout);
            var (body, _) = await context.Api.GetJobAsync(job, pollCap.Token);
            var state = body.Status;
            var count = body.Progress?.NodesCompleted ?? throw new InvalidOperationException($"job {job} answered no progress");
            return (state is "completed" or "failed" or "cancelled" ? state : null, count);
        }
        catch (Exception e) when (e is HttpRequestException or DagMasterApiException or TaskCanceledException)
        {
            context.Log.Write($"bench: fan-out progress poll failed: {e.Message}");
            return (null, lastCount);
        }
    }

    /// <summary>Runs short chains one after another until stopped; returns the ids of those that ran.</summary>
    private static async Task<List<Guid>> RunSideChainsAsync(BenchContext context, CancellationToken stop)
    {
        var ids = new List<Guid>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var (id, _) = await context.Api.SubmitAsync(BenchWorkflows.SideChain, "{}", stop);
                ids.Add(id);
                while (!stop.IsCancellationRequested && await context.WaitForJobAsync(id, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100), stop) is null)
                {
                    // Keep waiting for this chain while the row runs.
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception e) when (e is HttpRequestException or DagMasterApiException)
            {
                context.Log.Write($"bench: side chain failed: {e.Message}");
                await Task.Delay(500, CancellationToken.None);
            }
        }

        return ids;
    }
}
