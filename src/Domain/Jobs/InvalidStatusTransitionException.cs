namespace DagMaster.Domain.Jobs;

/// <summary>A state change the job or node state machine does not allow; it is never written.</summary>
public sealed class InvalidStatusTransitionException(string subject, string from, string to)
    : InvalidOperationException($"{subject} cannot go from {from} to {to}")
{
    public string Subject { get; } = subject;

    public string From { get; } = from;

    public string To { get; } = to;
}
