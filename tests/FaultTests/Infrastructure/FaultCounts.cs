namespace DagMaster.FaultTests.Infrastructure;

/// <summary>The figures a fault test reports and checks.</summary>
public sealed record FaultCounts(
    long Jobs,
    long Completed,
    long TasksDispatched,
    long Retries,
    long LeaseExpiries,
    long DispatchedTwice,
    long StartedTwice,
    long DuplicateTransitions,
    long Lost)
{
    public override string ToString() =>
        $"{Jobs} jobs, {Completed} completed, {TasksDispatched} task attempts dispatched ({Retries} retries, {LeaseExpiries} lapsed or timed out), "
        + $"dispatched twice {DispatchedTwice}, started twice {StartedTwice}, duplicate transitions {DuplicateTransitions}, lost {Lost}";
}
