namespace DagMaster.Application.Abstractions;

/// <summary>
/// A long-polling claim's wait for new tasks. It begins before the claim looks at the queue, so a task enqueued after
/// that look still ends the wait.
/// </summary>
public interface IClaimWait
{
    /// <summary>
    /// The tasks the unit of work that enqueued them handed straight to this claim (already claimed for its worker),
    /// or none when tasks may have arrived (claim again) or <paramref name="timeout"/> passed.
    /// </summary>
    Task<IReadOnlyList<ClaimedTask>> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
