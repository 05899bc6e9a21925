using System.Diagnostics;
using DagMaster.Benchmarks.Hosting;
using DagMaster.Benchmarks.Reporting;
using DagMaster.Client;

namespace DagMaster.Benchmarks.Rows;

/// <summary>Submit: <c>POST /api/v1/jobs</c> from 64 concurrent clients for a fixed time (no worker takes these jobs).</summary>
public static class SubmitRow
{
    public const double TargetRate = 1500;
    public const double TargetP99 = 50;

    public static async Task RunAsync(BenchContext context)
    {
        var clients = context.Settings.SubmitClients;
        await context.SubmitManyAsync(BenchWorkflows.Submit, 200, clients);

        await context.Database.ResetProfileAsync();
        var latencies = new List<double>[clients];
        var errors = 0;
        var duration = TimeSpan.FromSeconds(context.Settings.SubmitSeconds);
        var harness = HarnessGc.QuietWindow();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            latencies[c] = [];
            while (clock.Elapsed < duration)
            {
                try
                {
                    var (_, latency) = await context.Api.SubmitAsync(BenchWorkflows.Submit, $"{{\"message\":\"client {c}\"}}");
                    latencies[c].Add(latency.TotalMilliseconds);
                }
                catch (Exception e) when (e is HttpRequestException or DagMasterApiException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var harnessPaused = harness.PausedMilliseconds;
        var statements = await context.Database.WriteProfileAsync(Path.Combine(context.Settings.OutputDirectory, "profile-submit.tsv"));

        var stats = new Stats(latencies.SelectMany(l => l));
        var rate = stats.Count / elapsed;
        context.Report.Add(new ResultRow(
            "submit",
            $"submit rate / p99 ({clients} clients)",
            $"{rate:0} jobs/s / {HopLatencyRow.Ms(stats.P99)} (p50 {HopLatencyRow.Ms(stats.P50)})",
            $"≥ {TargetRate:0} jobs/s / ≤ {TargetP99:0} ms",
            errors == 0 && rate >= TargetRate && stats.P99 <= TargetP99)
        {
            Details = new(stats.ToJson().ToDictionary(kv => kv.Key, kv => (object?)kv.Value))
            {
                ["jobs_per_second"] = Math.Round(rate, 1),
                ["errors"] = errors,
                ["seconds"] = Math.Round(elapsed, 2),
                ["harness_gc_pause_ms"] = Math.Round(harnessPaused, 1),
                ["sql_statements_per_submit"] = stats.Count > 0 ? Math.Round(statements / (double)stats.Count, 1) : null,
            },
        });
    }
}
