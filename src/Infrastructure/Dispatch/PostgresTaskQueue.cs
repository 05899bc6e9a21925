using DagMaster.Application.Abstractions;
using DagMaster.Application.Common.Telemetry;
using DagMaster.Domain.Jobs;
using DagMaster.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace DagMaster.Infrastructure.Dispatch;

/// <summary>
/// The PostgreSQL task queue behind the HTTP worker protocol. Claims use FOR UPDATE SKIP LOCKED in
/// priority-then-age order and mark the node RUNNING in the same statement.
/// </summary>
internal sealed class PostgresTaskQueue(
    DagMasterDbContext db,
    NpgsqlDataSource dataSource,
    TaskNotifications notifications,
    TaskSignal signal,
    IOptions<QueueOptions> options,
    TimeProvider clock) : ITaskQueue
{
    public void Enqueue(IEnumerable<TaskDispatch> dispatches)
    {
        var sequence = new Dictionary<Guid, int>();
        foreach (var dispatch in dispatches)
        {
            var jobSequence = sequence.GetValueOrDefault(dispatch.JobId.Value);
            sequence[dispatch.JobId.Value] = jobSequence + 1;
            db.PendingTasks.Add(new QueuedTask
            {
                TaskId = dispatch.TaskId,
                JobId = dispatch.JobId.Value,
                NodeId = dispatch.NodeId,
                Queue = dispatch.Queue,
                Handler = dispatch.Handler,
                Priority = dispatch.Priority,
                JobSequence = jobSequence,
                Attempt = dispatch.Attempt,
                TimeoutSeconds = dispatch.TimeoutSeconds,
                MaxAttempts = dispatch.MaxAttempts,
                EnqueuedAt = clock.GetUtcNow(),
                AvailableAt = dispatch.AvailableAt,
            });
            notifications.Add(dispatch.Queue);
        }
    }

    public void Remove(IEnumerable<string> taskIds) => db.RemovedTasks.AddRange(taskIds);

    public void WithdrawJob(JobId jobId)
    {
        db.PendingTasks.RemoveAll(t => t.JobId == jobId.Value);
        db.WithdrawnJobs.Add(jobId.Value);
    }

    public async Task<IReadOnlyList<ClaimedTask>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
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
        await using var command = new NpgsqlCommand(Sql.Claim, connection);
        command.Parameters.Add(new NpgsqlParameter("queues", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = request.Queues.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("handlers", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)request.Handlers?.ToArray() ?? DBNull.Value });
        command.Parameters.AddWithValue("max", request.MaxTasks);
        command.Parameters.AddWithValue("worker", request.WorkerId);
        command.Parameters.AddWithValue("lease", options.Value.Lease);
        var claimed = new List<ClaimedTask>();
        var stale = new List<string>();
        var latencies = new List<double>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
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

    public Task WaitForTasksAsync(IReadOnlyCollection<string> queues, TimeSpan timeout, CancellationToken cancellationToken) =>
        TaskSignal.WaitAsync(signal.Next(queues), timeout, cancellationToken);

    public async Task<HeartbeatResult> HeartbeatAsync(string taskId, string? progressJson, CancellationToken cancellationToken) =>
        await TouchAsync(Sql.Heartbeat, taskId, progressJson, null, cancellationToken);

    public async Task<HeartbeatResult> SaveCheckpointAsync(string taskId, string checkpointJson, string? progressJson, CancellationToken cancellationToken) =>
        await TouchAsync(Sql.Checkpoint, taskId, progressJson, checkpointJson, cancellationToken);

    public async Task<IReadOnlyList<ExpiredTask>> FindExpiredAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql.Expired, connection);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
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

    private async Task<HeartbeatResult> TouchAsync(string sql, string taskId, string? progressJson, string? checkpointJson, CancellationToken cancellationToken)
    {
        if (!TaskIds.TryParse(taskId, out var jobId, out var nodeId, out _))
        {
            return new HeartbeatResult(HeartbeatStatus.NotFound, null);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("job", jobId.Value);
        command.Parameters.AddWithValue("node", nodeId);
        command.Parameters.AddWithValue("task", taskId);
        command.Parameters.AddWithValue("lease", options.Value.Lease);
        command.Parameters.Add(new NpgsqlParameter("progress", NpgsqlDbType.Jsonb) { Value = (object?)progressJson ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("checkpoint", NpgsqlDbType.Jsonb) { Value = (object?)checkpointJson ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return new HeartbeatResult(HeartbeatStatus.NotFound, null);
        }

        var currentTask = reader.IsDBNull(0) ? null : reader.GetString(0);
        var nodeStatus = reader.GetString(1);
        var jobStatus = reader.GetString(2);
        DateTimeOffset? lease = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3);
        if (currentTask != taskId || nodeStatus is "Completed" or "Failed" or "Skipped" or "Pending" or "Ready")
        {
            return new HeartbeatResult(HeartbeatStatus.Gone, null);
        }

        return nodeStatus == "Cancelled" || jobStatus != "Running"
            ? new HeartbeatResult(HeartbeatStatus.Cancelled, lease)
            : new HeartbeatResult(HeartbeatStatus.Current, lease);
    }
}
