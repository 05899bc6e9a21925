using DagMaster.Infrastructure.Dispatch.Postgres;
using DagMaster.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using static DagMaster.IntegrationTests.Persistence.PlanSessions;

namespace DagMaster.IntegrationTests.Dispatch;

/// <summary>
/// A claim updates the rows it picked by their address (ADR-0127). A queue analysed while it was drained reads as
/// empty to the planner until the next analyse, however many tasks a fan-out has queued since; a join on the key
/// was then planned as a walk over the whole queue for each picked row. The claim runs here, as DagMaster sends
/// it, on copies of the queue and the nodes, the queue's copy analysed empty and then filled.
/// </summary>
public sealed class ClaimPlanTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private const string Job = "00000000-0000-0000-0000-000000000001";
    private const int Queued = 5_000;
    private const int Claimed = 100;

    private const string Copies = """
        CREATE TEMP TABLE task_queue (LIKE dagmaster.task_queue INCLUDING ALL) ON COMMIT DROP;
        CREATE TEMP TABLE job_nodes (LIKE dagmaster.job_nodes INCLUDING ALL) ON COMMIT DROP;
        CREATE TEMP TABLE job_events (LIKE dagmaster.job_events INCLUDING ALL) ON COMMIT DROP;
        CREATE TEMP TABLE jobs (LIKE dagmaster.jobs INCLUDING ALL) ON COMMIT DROP;
        """;

    // A burst that drained, then the analyse: the statistics say no rows in the pages the burst left.
    private static readonly string DrainedAndAnalysed = $"""
        INSERT INTO pg_temp.task_queue (task_id, job_id, node_id, queue, handler, priority, job_sequence, attempt, timeout_seconds, max_attempts, enqueued_at, available_at)
          SELECT 'old-' || g, '{Job}', 'old__' || g, 'fan', 'noop', 0, 1, 1, 60, 1, now(), now() FROM generate_series(1, {Queued}) g;
        DELETE FROM pg_temp.task_queue;
        ANALYZE pg_temp.task_queue;
        """;

    private static readonly string FanOutQueued = $$"""
        INSERT INTO pg_temp.task_queue (task_id, job_id, node_id, queue, handler, priority, job_sequence, attempt, timeout_seconds, max_attempts, enqueued_at, available_at)
          SELECT 'task-' || g, '{{Job}}', 'split__' || g, 'fan', 'noop', 0, 1, 1, 60, 1, now(), now() FROM generate_series(1, {{Queued}}) g;
        INSERT INTO pg_temp.job_nodes (job_id, node_id, status, attempt, attempt_offset, children_active, children_completed, children_total, task_id, params)
          SELECT '{{Job}}', 'split__' || g, 'Dispatched', 1, 0, 0, 0, 0, 'task-' || g, '{}' FROM generate_series(1, {{Queued}}) g;
        """;

    [Fact]
    public async Task Claim_FromAQueueAnalysedWhileDrained_UpdatesOnlyThePickedRows()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var connection = await App.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await RunAsync(connection, Copies + DrainedAndAnalysed + FanOutQueued, cancellation);

        var estimate = await LinesAsync(connection, "EXPLAIN SELECT task_id FROM pg_temp.task_queue", cancellation);
        var plan = await ClaimPlanAsync(connection, cancellation);
        var update = plan[plan.IndexOf("CTE claimed", StringComparison.Ordinal)..plan.IndexOf("CTE started", StringComparison.Ordinal)];
        var claimed = await ScalarAsync(connection, "SELECT count(*) FROM pg_temp.task_queue WHERE claimed_by = 'worker-1'", cancellation);
        var running = await ScalarAsync(connection, "SELECT count(*) FROM pg_temp.job_nodes WHERE status = 'Running' AND worker_id = 'worker-1'", cancellation);
        var started = await ScalarAsync(connection, "SELECT count(*) FROM pg_temp.job_events WHERE type = 'node_started'", cancellation);

        estimate.ShouldContain(" rows=1 ", customMessage: $"the queue's copy should read as empty to the planner:\n{estimate}");
        update.ShouldContain("Tid Scan on task_queue", customMessage: plan);
        update.ShouldNotContain("Rows Removed", customMessage: plan);
        claimed.ShouldBe(Claimed);
        running.ShouldBe(Claimed);
        started.ShouldBe(Claimed);
    }

    /// <summary>The claim's plan as it ran (EXPLAIN ANALYZE executes it) on the copies.</summary>
    private static async Task<string> ClaimPlanAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        var sql = QueueSql.Claim.Replace("dagmaster.", "pg_temp.", StringComparison.Ordinal);
        await using var command = new NpgsqlCommand($"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) {sql}", connection);
        command.Parameters.Add(new NpgsqlParameter("queues", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = new[] { "fan" } });
        command.Parameters.Add(new NpgsqlParameter("handlers", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = DBNull.Value });
        command.Parameters.AddWithValue("max", Claimed);
        command.Parameters.AddWithValue("worker", "worker-1");
        command.Parameters.AddWithValue("lease", TimeSpan.FromSeconds(60));
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
