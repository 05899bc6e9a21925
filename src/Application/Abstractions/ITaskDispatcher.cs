using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Abstractions;

/// <summary>
/// The task transport's side of the unit of work: what it is told here is written with the job's own changes and
/// commits (or rolls back) with them, so a node is DISPATCHED exactly when its task is on its way to a worker.
/// </summary>
public interface ITaskDispatcher
{
    /// <summary>Sends these attempts to their queues once the current unit of work commits.</summary>
    void Dispatch(IEnumerable<TaskDispatch> dispatches);

    /// <summary>Forgets finished attempts (their queue entries or outbox rows) when the current unit of work commits.</summary>
    void Finish(IEnumerable<string> taskIds);

    /// <summary>A job that ended: its attempts not yet delivered are withdrawn when the current unit of work commits.</summary>
    void WithdrawJob(JobId jobId);

    /// <summary>
    /// Whether the attempt has run out, asked inside the current unit of work (under its job's lock) and answered
    /// on the database's clock. The attempt's entry stays locked until the unit of work ends, so a heartbeat that
    /// arrives meanwhile waits and then finds the attempt over instead of being told it is current.
    /// </summary>
    Task<AttemptExpiry> CheckExpiryAsync(string taskId, CancellationToken cancellationToken);
}
