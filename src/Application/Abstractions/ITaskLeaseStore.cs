namespace DagMaster.Application.Abstractions;

/// <summary>
/// What workers do with a task once it is theirs: claim it (the HTTP pull protocol), report that it started,
/// heartbeat, checkpoint; and which attempts ran out of time. Each call runs on its own, outside a unit of work.
/// </summary>
public interface ITaskLeaseStore
{
    /// <summary>Whether workers claim tasks over HTTP (false when a broker delivers them).</summary>
    bool SupportsClaims { get; }

    Task<IReadOnlyList<ClaimedTask>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>Starts waiting for tasks on the request's queues; call before the claim that may come back empty.</summary>
    IClaimWait BeginWait(ClaimRequest request);

    /// <summary>A worker that received the task from a broker started it: the node becomes RUNNING.</summary>
    Task<HeartbeatResult> StartAsync(string taskId, string? workerId, CancellationToken cancellationToken);

    Task<HeartbeatResult> HeartbeatAsync(string taskId, string? progressJson, CancellationToken cancellationToken);

    Task<HeartbeatResult> SaveCheckpointAsync(string taskId, string checkpointJson, string? progressJson, CancellationToken cancellationToken);

    /// <summary>Attempts whose lease lapsed or whose timeout passed.</summary>
    Task<IReadOnlyList<ExpiredTask>> FindExpiredAsync(int limit, CancellationToken cancellationToken);
}
