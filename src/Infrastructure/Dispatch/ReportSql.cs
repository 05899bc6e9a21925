using DagMaster.Domain.Jobs;

namespace DagMaster.Infrastructure.Dispatch;

/// <summary>
/// The node-side statements of worker reports, shared by the transports. Each is one round trip and ends with the
/// node's and job's state as they were when the statement began.
/// </summary>
internal static class ReportSql
{
    /// <summary>The closing SELECT; a statement may define a <c>lease</c> CTE holding the extended lease.</summary>
    public const string NodeAndJob = """
        SELECT n.task_id, n.status, j.status, n.lease_expires_at
        FROM dagmaster.job_nodes n JOIN dagmaster.jobs j ON j.id = n.job_id
        WHERE n.job_id = @job AND n.node_id = @node
        """;

    /// <summary>A worker that received the task from a broker started it: DISPATCHED → RUNNING, with its timeline entry.</summary>
    public const string Start = $$"""
        WITH started AS (
            UPDATE dagmaster.job_nodes n
            SET status = '{{nameof(NodeStatus.Running)}}', started_at = now(), worker_id = COALESCE(@worker::text, n.worker_id)
            WHERE n.job_id = @job AND n.node_id = @node AND n.task_id = @task AND n.status = '{{nameof(NodeStatus.Dispatched)}}'
            RETURNING n.node_id
        ), events AS (
            INSERT INTO dagmaster.job_events (job_id, type, node_id, data, occurred_at)
            SELECT @job, '{{JobEventTypes.NodeStarted}}', @node, jsonb_build_object('task_id', @task::text, 'worker_id', @worker::text), now()
            FROM started
        )
        """ + NodeAndJob;

    /// <summary>Progress of a running task, for transports without leases.</summary>
    public const string Progress = $$"""
        WITH node AS (
            UPDATE dagmaster.job_nodes n
            SET progress = COALESCE(@progress, n.progress)
            WHERE n.job_id = @job AND n.node_id = @node AND n.task_id = @task AND n.status IN ('{{nameof(NodeStatus.Dispatched)}}', '{{nameof(NodeStatus.Running)}}')
              AND @progress IS NOT NULL
            RETURNING n.node_id
        ), progress_event AS (
            INSERT INTO dagmaster.job_events (job_id, type, node_id, data, occurred_at)
            SELECT @job, '{{JobEventTypes.NodeProgress}}', @node, @progress, now() FROM node
        )
        """ + NodeAndJob;

    /// <summary>Keeps the latest checkpoint of the current attempt (the next attempt receives it).</summary>
    public const string Checkpoint = $$"""
        WITH node AS (
            UPDATE dagmaster.job_nodes n
            SET checkpoint = @checkpoint, progress = COALESCE(@progress, n.progress)
            WHERE n.job_id = @job AND n.node_id = @node AND n.task_id = @task AND n.status IN ('{{nameof(NodeStatus.Dispatched)}}', '{{nameof(NodeStatus.Running)}}')
            RETURNING n.node_id
        )
        """ + NodeAndJob;
}
