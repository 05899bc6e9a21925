using System.Diagnostics;
using DagMaster.Benchmarks.Hosting;
using DagMaster.Benchmarks.Reporting;
using DagMaster.Client;

namespace DagMaster.Benchmarks.Rows;

/// <summary>
/// Reads with many jobs stored: the jobs table is filled to the target count with one
/// <c>INSERT … SELECT … generate_series</c>, then <c>GET /api/v1/jobs</c> (filters, keyset pages) and
/// <c>GET /api/v1/jobs/{id}</c> are timed from four concurrent clients.
/// </summary>
public static class ReadsRow
{
    public const double TargetP99 = 20;
    private const int Clients = 4;
    private const int RequestsPerKind = 600;

    // The row starts on a fresh process. The runtime recompiles a method in the background once it has been called
    // 30 times, so a warm-up of fewer calls leaves that compilation, on two cores, inside the measurement.
    private const int WarmUpCalls = 100;

    private const int SlowestReported = 10;

    public static async Task RunAsync(BenchContext context)
    {
        var db = context.Database;
        var existing = await db.ScalarAsync<long>("SELECT count(*) FROM dagmaster.jobs");
        var toSeed = Math.Max(0, context.Settings.SeedJobs - existing);
        var seedClock = Stopwatch.StartNew();
        await db.ExecuteAsync(SeedSql(toSeed), timeoutSeconds: 1200);
        // Vacuumed as well as analysed (every table: the rows before may have left a 100,000-child fan-out behind):
        // a million fresh rows would otherwise start autovacuum in the middle of the measurement, and a store that
        // has been running for a while has long been vacuumed. Then checkpointed: the seed leaves ~500 MB of WAL
        // behind it, whose checkpoint would otherwise write its pages out during the measurement.
        await db.ExecuteAsync("VACUUM (ANALYZE)", timeoutSeconds: 1200);
        await db.ExecuteAsync("CHECKPOINT", timeoutSeconds: 1200);
        var seedSeconds = seedClock.Elapsed.TotalSeconds;
        var total = existing + toSeed;

        var ids = await db.ColumnAsync<Guid>("SELECT id FROM dagmaster.jobs TABLESAMPLE SYSTEM (1) LIMIT 2000");
        var api = context.Api.Client;
        var cursor = (await api.ListJobsAsync(status: "completed", limit: 50)).NextCursor;
        var now = DateTimeOffset.UtcNow;
        Func<CancellationToken, Task<JobPageDto>>[] lists =
        [
            ct => api.ListJobsAsync(limit: 50, cancellationToken: ct),
            ct => api.ListJobsAsync(status: "completed", limit: 50, cancellationToken: ct),
            ct => api.ListJobsAsync(status: "failed", workflowId: BenchWorkflows.Echo, limit: 50, cancellationToken: ct),
            ct => api.ListJobsAsync(correlationId: "seed-123", limit: 50, cancellationToken: ct),
            ct => api.ListJobsAsync(platformId: "platform-3", status: "running", limit: 100, cancellationToken: ct),
            ct => api.ListJobsAsync(createdAfter: now.AddHours(-3), createdBefore: now.AddHours(-2), limit: 50, cancellationToken: ct),
            cursor is null
                ? ct => api.ListJobsAsync(status: "cancelled", limit: 50, cancellationToken: ct)
                : ct => api.ListJobsAsync(status: "completed", limit: 50, cursor: cursor, cancellationToken: ct),
        ];

        await db.ResetProfileAsync();
        var list = await TimeAsync(i => lists[i % lists.Length], i => $"list {i % lists.Length}");
        var get = await TimeAsync<JobDetailsDto>(i => ct => api.GetJobAsync(ids[i % ids.Count], ct), i => $"job {ids[i % ids.Count]}");
        await db.WriteProfileAsync(Path.Combine(context.Settings.OutputDirectory, "profile-reads.tsv"));

        var figure = $"with {total:N0} jobs stored";
        context.Report.Add(Row("reads_list", $"reads p99: GET /jobs filtered + paged, {figure}", list, seedSeconds, total));
        context.Report.Add(Row("reads_get", $"reads p99: GET /jobs/{{id}}, {figure}", get, seedSeconds, total));
    }

    private static ResultRow Row(string key, string figure, Timed timed, double seedSeconds, long total) =>
        new(key, figure, $"{HopLatencyRow.Ms(timed.Stats.P99)} (p50 {HopLatencyRow.Ms(timed.Stats.P50)})", $"≤ {TargetP99:0} ms", timed.Stats.P99 <= TargetP99)
        {
            Details = new(timed.Stats.ToJson().ToDictionary(kv => kv.Key, kv => (object?)kv.Value))
            {
                ["jobs_stored"] = total,
                ["seed_seconds"] = Math.Round(seedSeconds, 1),
                ["slowest_calls"] = timed.Slowest,
                ["harness_gc_pause_ms"] = Math.Round(timed.HarnessGcPauseMs, 1),
            },
        };

    /// <summary>
    /// Times <see cref="RequestsPerKind"/> calls from <see cref="Clients"/> concurrent clients, after
    /// <see cref="WarmUpCalls"/> untimed ones made the same way: the first calls made concurrently (not the first
    /// calls) were the ones that stalled together, 70–130 ms, after a warm-up from one client.
    /// </summary>
    private static async Task<Timed> TimeAsync<T>(Func<int, Func<CancellationToken, Task<T>>> call, Func<int, string> describe)
    {
        await RunAsync(call, WarmUpCalls, Stopwatch.StartNew());

        var harness = HarnessGc.QuietWindow();
        var clock = Stopwatch.StartNew();
        var all = await RunAsync(call, RequestsPerKind, clock);
        var harnessPaused = harness.PausedMilliseconds;
        var slowest = all.OrderByDescending(c => c.Latency).Take(SlowestReported)
            .Select(c => $"{c.Latency:0.0} ms at +{c.StartedAt:0} ms: {describe(c.Call)}").ToList();
        return new Timed(new Stats(all.Select(c => c.Latency)), slowest, harnessPaused);
    }

    /// <summary>Makes <paramref name="count"/> calls from <see cref="Clients"/> concurrent clients: which, when (on <paramref name="clock"/>) and how long.</summary>
    private static async Task<List<(int Call, double StartedAt, double Latency)>> RunAsync<T>(
        Func<int, Func<CancellationToken, Task<T>>> call, int count, Stopwatch clock)
    {
        var next = -1;
        var calls = new List<(int Call, double StartedAt, double Latency)>[Clients];
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            calls[c] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var startedAt = clock.Elapsed.TotalMilliseconds;
                var (_, latency) = await DagMasterApi.TimedAsync(call(i));
                calls[c].Add((i, startedAt, latency.TotalMilliseconds));
            }
        })));
        return [.. calls.SelectMany(l => l)];
    }

    /// <summary>The latencies, the slowest calls, and how long this (the measuring) process was paused by its own GC meanwhile.</summary>
    private sealed record Timed(Stats Stats, List<string> Slowest, double HarnessGcPauseMs);

    /// <summary>
    /// Finished-looking jobs of the bench workflows spread over the last ~28 hours, with statuses, correlation ids
    /// and platforms varied so every filter has something to find. Only the jobs table's required columns and the
    /// filtered ones are written, so the statement survives added nullable columns.
    /// </summary>
    private static string SeedSql(long count) => $$"""
        INSERT INTO dagmaster.jobs (id, workflow_id, workflow_version, workflow_content_hash, inputs, status, priority,
                                    correlation_id, platform_id, created_at, started_at, completed_at, updated_at)
        SELECT gen_random_uuid(),
               v.workflow_id,
               1,
               v.content_hash,
               '{"message": "seeded"}'::jsonb,
               (ARRAY['Completed', 'Completed', 'Completed', 'Failed', 'Cancelled', 'Running', 'Pending'])[1 + g % 7],
               0,
               'seed-' || (g % 5000),
               'platform-' || (g % 10),
               now() - g * interval '100 milliseconds',
               now() - g * interval '100 milliseconds',
               CASE WHEN g % 7 < 5 THEN now() - g * interval '100 milliseconds' + interval '2 seconds' END,
               now() - g * interval '100 milliseconds'
        FROM generate_series(1, {{count}}) AS g
        JOIN dagmaster.workflow_versions AS v
          ON v.workflow_id = (ARRAY['{{BenchWorkflows.Echo}}', '{{BenchWorkflows.Submit}}'])[1 + g % 2] AND v.version = 1
        """;
}
