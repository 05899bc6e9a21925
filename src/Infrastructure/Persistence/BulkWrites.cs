using DagMaster.Domain.Jobs;
using Npgsql;
using NpgsqlTypes;
using static DagMaster.Infrastructure.Persistence.BatchStatements;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>
/// The rows a unit of work appends in bulk: timeline entries, new fan-out children and children cancelled with
/// their job. Each kind is one statement over unnest()ed arrays, and all of them travel in one batch, so 100,000
/// children cost one round trip, not 100,000. The task transport adds its own rows (IUnitOfWorkParticipant).
/// </summary>
internal sealed class BulkWrites
{
    /// <summary>Rows per INSERT of new children: a column array of 2,048 values stays under the 85,000-byte large-object size.</summary>
    private const int ChildrenPerStatement = 2_048;

    private readonly List<JobEvent> _events = [];
    private readonly List<object> _children = [];
    private readonly List<(Guid JobId, string FanOutId)> _cancelledFanOuts = [];

    public void Take(Job job)
    {
        _events.AddRange(job.TakeEvents());
        _children.AddRange(job.TakeCreatedChildren());
        _cancelledFanOuts.AddRange(job.TakeFanOutsToCancel().Select(id => (job.Id.Value, id)));
    }

    /// <summary>Appends this unit of work's statements to <paramref name="batch"/>; <paramref name="nodeRows"/> writes node rows.</summary>
    public void AddTo(NpgsqlBatch batch, TrackedRowWrites.RowShape nodeRows)
    {
        // Children first, by the same set-based writer as every other node row: the cancellation below and claims
        // after commit find them. A wide fan-out's children go in slices, so that no column array (nor the driver's
        // state for it) is large enough for the large object heap, which only a full collection frees.
        foreach (var slice in _children.Chunk(ChildrenPerStatement))
        {
            batch.BatchCommands.Add(nodeRows.Insert(slice));
        }

        if (_events.Count > 0)
        {
            batch.BatchCommands.Add(Command(InsertEvents,
                Array("job_ids", NpgsqlDbType.Uuid, _events.Select(e => e.JobId.Value)),
                Array("types", NpgsqlDbType.Text, _events.Select(e => e.Type)),
                Array("node_ids", NpgsqlDbType.Text, _events.Select(e => e.NodeId)),
                Array("data", NpgsqlDbType.Jsonb, _events.Select(e => e.DataJson)),
                Array("actors", NpgsqlDbType.Text, _events.Select(e => e.Actor)),
                Array("occurred_at", NpgsqlDbType.TimestampTz, _events.Select(e => e.OccurredAt))));
        }

        if (_cancelledFanOuts.Count > 0)
        {
            batch.BatchCommands.Add(Command(CancelChildren,
                Array("job_ids", NpgsqlDbType.Uuid, _cancelledFanOuts.Select(c => c.JobId)),
                Array("fan_outs", NpgsqlDbType.Text, _cancelledFanOuts.Select(c => c.FanOutId))));
        }
    }

    private const string InsertEvents = """
        INSERT INTO dagmaster.job_events (job_id, type, node_id, data, actor, occurred_at)
        SELECT * FROM unnest(@job_ids, @types, @node_ids, @data, @actors, @occurred_at)
        """;

    private const string CancelChildren = $$"""
        WITH cancelled AS (
            UPDATE dagmaster.job_nodes n
            SET status = '{{nameof(NodeStatus.Cancelled)}}', completed_at = now(), next_attempt_at = NULL, lease_expires_at = NULL
            FROM unnest(@job_ids, @fan_outs) AS f(job_id, fan_out)
            WHERE n.job_id = f.job_id AND n.parent_node_id = f.fan_out
              AND (n.status IN ('{{nameof(NodeStatus.Pending)}}', '{{nameof(NodeStatus.Ready)}}', '{{nameof(NodeStatus.Dispatched)}}', '{{nameof(NodeStatus.Running)}}') OR (n.status = '{{nameof(NodeStatus.Failed)}}' AND n.next_attempt_at IS NOT NULL))
            RETURNING n.job_id, n.node_id
        )
        INSERT INTO dagmaster.job_events (job_id, type, node_id, occurred_at)
        SELECT job_id, '{{JobEventTypes.NodeCancelled}}', node_id, now() FROM cancelled
        """;
}
