namespace DagMaster.Domain.Jobs;

/// <summary>Why an attempt failed, as a worker (or the orchestrator) reports it.</summary>
public sealed record TaskFailure(string Message, string? Type, bool Retryable)
{
    public static TaskFailure NotRetryable(string message, string type) => new(message, type, false);
}
