using DagMaster.Application.Jobs.PurgeEndedJobs;
using Npgsql;

namespace DagMaster.Infrastructure.Jobs.Retention;

/// <summary>
/// One batch, one statement: the oldest ended jobs (along <c>ix_jobs_completed</c>) that no asset revision refers
/// to, locked with SKIP LOCKED so a job being retried by an operator right now is left for the next run; their nodes
/// and timeline go with them (ON DELETE CASCADE), as do any queue or outbox rows left behind.
/// </summary>
internal sealed class EndedJobsPurger(NpgsqlDataSource dataSource) : IEndedJobsPurger
{
    private const string Sql = """
        WITH doomed AS (
            SELECT j.id FROM dagmaster.jobs j
            WHERE j.completed_at IS NOT NULL AND j.completed_at < @ended_before
              AND j.status IN ('Completed', 'Failed', 'Cancelled')
              AND NOT EXISTS (SELECT 1 FROM dagmaster.asset_revisions r WHERE r.job_id = j.id)
            ORDER BY j.completed_at
            LIMIT @limit
            FOR UPDATE SKIP LOCKED
        ), queued AS (
            DELETE FROM dagmaster.task_queue q USING doomed d WHERE q.job_id = d.id
        ), outbox AS (
            DELETE FROM dagmaster.task_outbox o USING doomed d WHERE o.job_id = d.id
        )
        DELETE FROM dagmaster.jobs j USING doomed d WHERE j.id = d.id
        """;

    private const string RecordSql = """
        INSERT INTO dagmaster.retention_runs (id, finished_at, ended_before, deleted) VALUES (1, @finished_at, @ended_before, @deleted)
        ON CONFLICT (id) DO UPDATE SET finished_at = EXCLUDED.finished_at, ended_before = EXCLUDED.ended_before, deleted = EXCLUDED.deleted
        """;

    public async Task RecordRunAsync(RetentionRun run, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(RecordSql);
        command.Parameters.AddWithValue("finished_at", run.FinishedAt);
        command.Parameters.AddWithValue("ended_before", run.EndedBefore);
        command.Parameters.AddWithValue("deleted", run.Deleted);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<RetentionRun?> LastRunAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT finished_at, ended_before, deleted FROM dagmaster.retention_runs");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new RetentionRun(reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt32(2))
            : null;
    }

    public async Task<int> DeleteBatchAsync(DateTimeOffset endedBefore, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue("ended_before", endedBefore);
        command.Parameters.AddWithValue("limit", limit);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
