using DagMaster.Application.Abstractions;
using DagMaster.Application.Common.Telemetry;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace DagMaster.Infrastructure.Dispatch.Postgres;

/// <summary>
/// The PostgreSQL task queue's worker side, behind the HTTP worker protocol. Claims use FOR UPDATE SKIP LOCKED in
/// priority-then-age order and mark the node RUNNING in the same statement; heartbeats and checkpoints extend the lease.
/// </summary>
internal sealed class PostgresLeaseStore(
    NpgsqlDataSource dataSource,
    TaskReports reports,
    TaskSignal signal,
    WaitingClaims waiting,
    ClaimLanes lanes,
    IOptions<QueueOptions> options,
    TimeProvider clock) : ITaskLeaseStore
{
    public bool SupportsClaims => true;

    public async Task<IReadOnlyList<ClaimedTask>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var turn = await lanes.EnterAsync(request, cancellationToken);
                return await ClaimOnceAsync(request, cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < 3)
            {
                // The claim statement was chosen as a deadlock's victim and rolled back whole: nothing was
                // claimed, so it simply goes again instead of failing the worker's call.
            }
        }
    }

    private async Task<IReadOnlyList<ClaimedTask>> ClaimOnceAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);

        // The claim's commit does not wait for its WAL to reach the disk (ADR-0090): a claim lost in a database
        // crash is a task delivered again, as when its worker dies, and the result that follows is committed
        // durably, which makes the claim before it durable too. A batch runs in one implicit transaction, so
        // the setting ends with the claim's.
        batch.BatchCommands.Add(new NpgsqlBatchCommand(QueueSql.AsyncCommit));
        var claim = new NpgsqlBatchCommand(QueueSql.Claim);
        claim.Parameters.Add(new NpgsqlParameter("queues", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = request.Queues.ToArray() });
        claim.Parameters.Add(new NpgsqlParameter("handlers", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)request.Handlers?.ToArray() ?? DBNull.Value });
        claim.Parameters.AddWithValue("max", request.MaxTasks);
        claim.Parameters.AddWithValue("worker", request.WorkerId);
        claim.Parameters.AddWithValue("lease", options.Value.Lease);
        batch.BatchCommands.Add(claim);
        var claimed = new List<ClaimedTask>();
        var stale = new List<string>();
        var latencies = new List<double>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var taskId = reader.GetString(0);
                if (reader.GetBoolean(3))
                {
                    claimed.Add(new ClaimedTask(taskId, reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
                    latencies.Add(Math.Max(0, reader.GetDouble(4)));
                }
                else
                {
                    stale.Add(taskId);
                }
            }
        }

        DagMasterTelemetry.TasksClaimed(latencies);
        if (stale.Count > 0)
        {
            // The node moved on (cancelled, job ended) after the task was queued: the entry is dead.
            await using var delete = new NpgsqlCommand("DELETE FROM dagmaster.task_queue WHERE task_id = ANY(@ids)", connection);
            delete.Parameters.AddWithValue("ids", stale.ToArray());
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        return claimed;
    }

    public IClaimWait BeginWait(ClaimRequest request) => new ClaimWait(request, signal.Next(request.Queues), waiting);

    /// <summary>A claim started the task already; a start reported anyway changes nothing but is answered.</summary>
    public Task<HeartbeatResult> StartAsync(string taskId, string? workerId, CancellationToken cancellationToken) =>
        reports.RunAsync(ReportSql.Start, taskId, new TaskReportValues(WorkerId: workerId), cancellationToken);

    public Task<HeartbeatResult> HeartbeatAsync(string taskId, string? progressJson, CancellationToken cancellationToken) =>
        reports.RunAsync(QueueSql.Heartbeat, taskId, new TaskReportValues(Lease: options.Value.Lease, ProgressJson: progressJson), cancellationToken);

    public Task<HeartbeatResult> SaveCheckpointAsync(string taskId, string checkpointJson, string? progressJson, CancellationToken cancellationToken) =>
        reports.RunAsync(QueueSql.Checkpoint, taskId, new TaskReportValues(Lease: options.Value.Lease, ProgressJson: progressJson, CheckpointJson: checkpointJson), cancellationToken);

    public async Task<IReadOnlyList<ExpiredTask>> FindExpiredAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(QueueSql.Expired, connection);
        command.Parameters.AddWithValue("limit", limit);
        var expired = new List<ExpiredTask>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            expired.Add(new ExpiredTask(reader.GetString(0), reader.GetBoolean(1), reader.GetInt32(2)));
        }

        await reader.DisposeAsync();
        await ObserveQueueDepthAsync(connection, cancellationToken);
        return expired;
    }

    /// <summary>Counts the waiting tasks for the queue-depth gauge, at most every 10 s (a count reads the whole queue).</summary>
    private async Task ObserveQueueDepthAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var last = Interlocked.Read(ref s_queueDepthObservedAt);
        if (now - last < 10_000 || Interlocked.CompareExchange(ref s_queueDepthObservedAt, now, last) != last)
        {
            return;
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM dagmaster.task_queue WHERE claimed_by IS NULL", connection);
        DagMasterTelemetry.QueueDepthObserved((long)(await count.ExecuteScalarAsync(cancellationToken))!);
    }

    private static long s_queueDepthObservedAt;
}
