using DagMaster.Benchmarks.Reporting;

namespace DagMaster.Benchmarks.Rows;

/// <summary>Start-up: DagMaster is stopped and started again (schema already current); process start → /readyz 200.</summary>
public static class StartupRow
{
    public const double TargetSeconds = 3;

    public static async Task RunAsync(BenchContext context, TimeSpan firstStart)
    {
        var runs = new List<double>();
        for (var i = 0; i < context.Settings.StartupRuns; i++)
        {
            await context.Host.StopAsync();
            runs.Add((await context.Host.StartAsync()).TotalMilliseconds);
        }

        var stats = new Stats(runs);
        context.Report.Add(new ResultRow(
            "startup",
            $"start-up: process start → /readyz 200 (median of {runs.Count})",
            $"{stats.P50 / 1000:0.00} s (max {stats.Max / 1000:0.00} s)",
            $"≤ {TargetSeconds:0} s",
            stats.P50 <= TargetSeconds * 1000)
        {
            Details = new()
            {
                ["runs_ms"] = runs.Select(r => Math.Round(r, 1)).ToList(),
                ["first_start_with_migrations_ms"] = Math.Round(firstStart.TotalMilliseconds, 1),
            },
        });
    }
}
