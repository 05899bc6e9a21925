using DagMaster.Domain.Jobs;

namespace DagMaster.Infrastructure.Dispatch.ServiceBus;

/// <summary>The outbox's statements.</summary>
internal static class OutboxSql
{
    public const string Insert = """
        INSERT INTO dagmaster.task_outbox (task_id, job_id, node_id, queue, handler, attempt, timeout_seconds, correlation_id, body, trace_parent,
                                           created_at)
        SELECT * FROM unnest(@task_ids, @job_ids, @node_ids, @queues, @handlers, @attempts, @timeouts, @correlation_ids, @bodies, @trace_parents,
                             @created_at)
        """;

    /// <summary>Unsent rows, oldest first, locked so that another instance's relay skips them while this one sends.</summary>
    public const string TakeUnsent = """
        SELECT task_id, job_id, node_id, queue, handler, attempt, timeout_seconds, correlation_id, body, trace_parent
        FROM dagmaster.task_outbox
        WHERE sent_at IS NULL
        ORDER BY created_at
        LIMIT @limit
        FOR UPDATE SKIP LOCKED
        """;

    public const string MarkSent = "UPDATE dagmaster.task_outbox SET sent_at = now() WHERE task_id = ANY(@task_ids)";

    /// <summary>
    /// Sent attempts that ran out of time: a running one <c>timeout_seconds</c> after it started, one that no worker
    /// took when its message expired (twice the timeout after it was sent).
    /// </summary>
    public const string Expired = $$"""
        SELECT o.task_id, o.timeout_seconds
        FROM dagmaster.task_outbox o
        JOIN dagmaster.job_nodes n ON n.job_id = o.job_id AND n.node_id = o.node_id AND n.task_id = o.task_id
        WHERE o.sent_at IS NOT NULL
          AND ((n.status = '{{nameof(NodeStatus.Running)}}' AND COALESCE(n.started_at, o.sent_at) + make_interval(secs => o.timeout_seconds) < now())
            OR (n.status = '{{nameof(NodeStatus.Dispatched)}}' AND o.sent_at + make_interval(secs => 2 * o.timeout_seconds) < now()))
        ORDER BY o.sent_at
        LIMIT @limit
        """;

    /// <summary>One attempt's expiry (0 current, 2 timed out) on the database's clock, locking its outbox row.</summary>
    public const string CheckExpiry = $$"""
        SELECT CASE
                   WHEN n.status = '{{nameof(NodeStatus.Running)}}' AND COALESCE(n.started_at, o.sent_at) + make_interval(secs => o.timeout_seconds) < now() THEN 2
                   WHEN n.status = '{{nameof(NodeStatus.Dispatched)}}' AND o.sent_at + make_interval(secs => 2 * o.timeout_seconds) < now() THEN 2
                   ELSE 0
               END
        FROM dagmaster.task_outbox o
        JOIN dagmaster.job_nodes n ON n.job_id = o.job_id AND n.node_id = o.node_id AND n.task_id = o.task_id
        WHERE o.task_id = @task AND o.sent_at IS NOT NULL
        FOR UPDATE OF o
        """;
}
