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
        // Untimed rounds of the same submissions until the background JIT is idle (ADR-0119): run after the other
        // rows the step's code is compiled already, the submission's is not.
        var warmUp = await new BackgroundJit(context.Host.Pid, Environment.ProcessId)
            .WarmUpAsync(() => context.SubmitManyAsync(BenchWorkflows.Submit, 2000, clients), TimeSpan.FromSeconds(30));

        await context.Database.ResetProfileAsync();
        var calls = new List<(double StartMs, double LatencyMs)>[clients];
        var errors = 0;
        var duration = TimeSpan.FromSeconds(context.Settings.SubmitSeconds);
        var harness = HarnessGc.QuietWindow();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            calls[c] = [];
            while (clock.Elapsed < duration)
            {
                try
                {
                    var start = clock.Elapsed.TotalMilliseconds;
                    var (_, latency) = await context.Api.SubmitAsync(BenchWorkflows.Submit, $"{{\"message\":\"client {c}\"}}");
                    calls[c].Add((start, latency.TotalMilliseconds));
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

        var all = calls.SelectMany(l => l).ToList();
        var stats = new Stats(all.Select(call => call.LatencyMs));
        var rate = stats.Count / elapsed;
        var row = new ResultRow(
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
                ["over_target_by_second"] = all.Where(call => call.LatencyMs > TargetP99)
                    .GroupBy(call => (int)(call.StartMs / 1000)).OrderBy(g => g.Key).Select(g => $"{g.Key}s: {g.Count()}").ToList(),
                ["slowest_slices"] = SlowestSlices(all),
            },
        };
        warmUp.AddTo(row.Details, "rounds"); // each of 2,000 submissions
        context.Report.Add(row);
    }

    /// <summary>
    /// The 100 ms slices of the window (by when a call started) with the most calls over the target: a tail made of a
    /// few instants (a pause) shows as a few slices holding most of it, queueing as many slices with a few each.
    /// </summary>
    private static List<string> SlowestSlices(List<(double StartMs, double LatencyMs)> calls) =>
        calls.Where(call => call.LatencyMs > TargetP99)
            .GroupBy(call => (int)(call.StartMs / 100))
            .OrderByDescending(g => g.Count())
            .Take(5)
            .Select(g => $"+{g.Key * 100} ms: {g.Count()} calls over {TargetP99:0} ms (slowest {g.Max(call => call.LatencyMs):0} ms)")
            .ToList();
}
