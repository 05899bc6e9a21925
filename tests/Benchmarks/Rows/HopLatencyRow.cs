using System.Diagnostics;
using System.Globalization;
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

        // A short chain first, so neither side measures its JIT warm-up.
        var warmUp = (await context.Api.SubmitAsync(BenchWorkflows.SideChain, "{}")).JobId;
        await context.WaitForJobAsync(warmUp, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(50));

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
        context.Report.Add(context.Settings.ServiceBus ? BenchContext.OverServiceBus(row) : row);
    }

    /// <summary>The hop row: judged on "complete answered → successor delivered", the sent-based figure alongside.</summary>
    public static ResultRow Row(string key, string figure, HopAnalysis hops, string? status, TimeSpan elapsed, int tasks)
    {
        var measured = hops.FromAck.Count == 0
            ? $"no hops measured (job {status ?? "did not finish"})"
            : $"{Ms(hops.FromAck.P50)} / {Ms(hops.FromAck.P99)} (from sending complete: {Ms(hops.FromSend.P50)} / {Ms(hops.FromSend.P99)})";
        var met = hops.FromAck.Count > 0 && hops.FromAck.P50 <= TargetP50 && hops.FromAck.P99 <= TargetP99;
        return new ResultRow(key, figure, measured, $"≤ {TargetP50} ms / ≤ {TargetP99} ms", met)
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
