using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Abstractions;

/// <summary>
/// The task transport. Enqueue, remove and withdraw take part in the current unit of work, so a node's
/// state and its queue entry always commit together; the worker-facing calls run on their own.
/// </summary>
public interface ITaskQueue
{
    void Enqueue(IEnumerable<TaskDispatch> dispatches);

    /// <summary>Removes finished attempts' entries when the current unit of work commits.</summary>
    void Remove(IEnumerable<string> taskIds);

    /// <summary>Removes every unclaimed entry of a job that has ended when the current unit of work commits.</summary>
    void WithdrawJob(JobId jobId);

    Task<IReadOnlyList<ClaimedTask>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>Completes when a task may have been enqueued on one of <paramref name="queues"/>, or after <paramref name="timeout"/>.</summary>
    Task WaitForTasksAsync(IReadOnlyCollection<string> queues, TimeSpan timeout, CancellationToken cancellationToken);

    Task<HeartbeatResult> HeartbeatAsync(string taskId, string? progressJson, CancellationToken cancellationToken);

    Task<HeartbeatResult> SaveCheckpointAsync(string taskId, string checkpointJson, string? progressJson, CancellationToken cancellationToken);

    /// <summary>Claimed attempts whose lease lapsed or whose timeout passed.</summary>
    Task<IReadOnlyList<ExpiredTask>> FindExpiredAsync(int limit, CancellationToken cancellationToken);
}
