using DagMaster.Domain.Jobs;

namespace DagMaster.Infrastructure.Dispatch.Postgres;

/// <summary>The task queue's hand-written statements (hot paths, kept to one round trip each).</summary>
internal static class QueueSql
{
    public const string Insert = """
        INSERT INTO dagmaster.task_queue (task_id, job_id, node_id, queue, handler, priority, job_sequence, attempt, timeout_seconds,
                                          max_attempts, enqueued_at, available_at, trace_parent, claimed_by, claimed_at, lease_expires_at)
        SELECT * FROM unnest(@task_ids, @job_ids, @node_ids, @queues, @handlers, @priorities, @sequences, @attempts, @timeouts,
                             @max_attempts, @enqueued_at, @available_at, @trace_parents, @claimed_by, @claimed_at, @lease_expires_at)
        """;

    /// <summary>This transaction's commit returns before its WAL is flushed (the claim's, ADR-0090).</summary>
    public const string AsyncCommit = "SELECT set_config('synchronous_commit', 'off', true)";

    public const string Claim = $$"""
        WITH picked AS (
            -- One ordered index scan per queue (a sort over every queued task would cost O(queue) per claim),
            -- then the best of them across queues.
            SELECT p.row_id FROM unnest(@queues::text[]) AS q(name)
            CROSS JOIN LATERAL (
                SELECT t.ctid AS row_id, t.priority, t.job_sequence, t.enqueued_at FROM dagmaster.task_queue t
                WHERE t.claimed_by IS NULL AND t.queue = q.name AND t.available_at <= now()
                  AND (@handlers::text[] IS NULL OR t.handler = ANY(@handlers))
                ORDER BY t.priority DESC, t.job_sequence, t.enqueued_at
                LIMIT @max
                FOR UPDATE SKIP LOCKED
            ) p
            ORDER BY p.priority DESC, p.job_sequence, p.enqueued_at
            LIMIT @max
        ), claimed AS (
            -- The picked rows by their address, locked above: a join on the key would be planned from the
            -- table's statistics, and a queue analysed while drained reads as empty, which made the planner
            -- compare every queued row with every picked one until the next analyse (ADR-0127).
            UPDATE dagmaster.task_queue t
            SET claimed_by = @worker, claimed_at = now(), lease_expires_at = now() + @lease
            FROM picked WHERE t.ctid = picked.row_id
            RETURNING t.task_id, t.job_id, t.node_id, t.handler, t.queue, t.attempt, t.max_attempts, t.timeout_seconds,
                      t.lease_expires_at, t.claimed_at, t.enqueued_at, t.priority, t.job_sequence, t.trace_parent
        ), started AS (
            UPDATE dagmaster.job_nodes n
            SET status = '{{nameof(NodeStatus.Running)}}', started_at = c.claimed_at, lease_expires_at = c.lease_expires_at, worker_id = @worker
            FROM claimed c
            WHERE n.job_id = c.job_id AND n.node_id = c.node_id AND n.task_id = c.task_id AND n.status = '{{nameof(NodeStatus.Dispatched)}}'
            RETURNING n.job_id, n.node_id, n.task_id, n.params, n.checkpoint
        ), events AS (
            -- Each row's foreign key check key-share-locks its job, which a step's lock (FOR NO KEY UPDATE) does
            -- not block; in job id order all the same, as every statement that locks jobs takes them.
            INSERT INTO dagmaster.job_events (job_id, type, node_id, data, occurred_at)
            SELECT s.job_id, '{{JobEventTypes.NodeStarted}}', s.node_id, jsonb_build_object('task_id', s.task_id, 'worker_id', @worker::text), now()
            FROM started s
            ORDER BY s.job_id
        )
        SELECT c.task_id,
               -- The task message (workers.md), made from the queue row, the node (params, checkpoint) and the job.
               jsonb_build_object(
                   'task_id', c.task_id, 'job_id', c.job_id, 'node_id', c.node_id, 'handler', c.handler, 'queue', c.queue,
                   'params', COALESCE(s.params, '{}'::jsonb), 'attempt', c.attempt, 'max_attempts', c.max_attempts,
                   'timeout_seconds', c.timeout_seconds, 'correlation_id', j.correlation_id, 'workflow_id', j.workflow_id,
                   'workflow_version', j.workflow_version, 'checkpoint', s.checkpoint, 'lease_expires_at', c.lease_expires_at,
                   'traceparent', c.trace_parent)::text,
               c.lease_expires_at,
               s.task_id IS NOT NULL,
               extract(epoch FROM (c.claimed_at - c.enqueued_at)) * 1000
        FROM claimed c
        LEFT JOIN started s ON s.task_id = c.task_id
        LEFT JOIN dagmaster.jobs j ON j.id = c.job_id
        ORDER BY c.priority DESC, c.job_sequence, c.enqueued_at
        """;

    private const string NodeAndJob = """
        SELECT n.task_id, n.status, j.status, COALESCE((SELECT lease_expires_at FROM lease), n.lease_expires_at)
        FROM dagmaster.job_nodes n JOIN dagmaster.jobs j ON j.id = n.job_id
        WHERE n.job_id = @job AND n.node_id = @node
        """;

    public const string Heartbeat = $$"""
        WITH lease AS (
            UPDATE dagmaster.task_queue SET lease_expires_at = now() + @lease
            WHERE task_id = @task AND claimed_by IS NOT NULL
            RETURNING lease_expires_at
        ), node AS (
            UPDATE dagmaster.job_nodes n
            SET lease_expires_at = (SELECT lease_expires_at FROM lease), progress = COALESCE(@progress, n.progress)
            WHERE n.job_id = @job AND n.node_id = @node AND n.task_id = @task AND n.status = '{{nameof(NodeStatus.Running)}}'
            RETURNING n.node_id
        ), progress_event AS (
            INSERT INTO dagmaster.job_events (job_id, type, node_id, data, occurred_at)
            SELECT @job, '{{JobEventTypes.NodeProgress}}', @node, @progress, now() FROM node WHERE @progress IS NOT NULL
        )
        """ + NodeAndJob;

    public const string Checkpoint = $$"""
        WITH node AS (
            UPDATE dagmaster.job_nodes n
            SET checkpoint = @checkpoint, progress = COALESCE(@progress, n.progress)
            WHERE n.job_id = @job AND n.node_id = @node AND n.task_id = @task AND n.status IN ('{{nameof(NodeStatus.Dispatched)}}', '{{nameof(NodeStatus.Running)}}')
            RETURNING n.node_id
        ), lease AS (
            UPDATE dagmaster.task_queue SET lease_expires_at = now() + @lease
            WHERE task_id = @task AND claimed_by IS NOT NULL AND EXISTS (SELECT 1 FROM node)
            RETURNING lease_expires_at
        )
        """ + NodeAndJob;

    /// <summary>Claimed attempts that ran out, on the database's clock (leases are set with it too).</summary>
    public const string Expired = """
        SELECT task_id, claimed_at + make_interval(secs => timeout_seconds) < now() AS timed_out, timeout_seconds
        FROM dagmaster.task_queue
        WHERE claimed_by IS NOT NULL
          AND (lease_expires_at < now() OR claimed_at + make_interval(secs => timeout_seconds) < now())
        ORDER BY lease_expires_at
        LIMIT @limit
        """;

    /// <summary>
    /// One attempt's expiry (0 current, 1 lease lapsed, 2 timed out), locking its entry: a heartbeat waits for the
    /// unit of work that asked. No row: the attempt is no longer claimed.
    /// </summary>
    public const string CheckExpiry = """
        SELECT CASE
                   WHEN claimed_at + make_interval(secs => timeout_seconds) < now() THEN 2
                   WHEN lease_expires_at < now() THEN 1
                   ELSE 0
               END
        FROM dagmaster.task_queue
        WHERE task_id = @task AND claimed_by IS NOT NULL
        FOR UPDATE
        """;
}
