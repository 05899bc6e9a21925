using DagMaster.Application.Jobs.CompleteTask;

namespace DagMaster.Application.Jobs.FailTask;

/// <summary>A worker's failure for one task attempt. Idempotent like <see cref="TaskCompletionReport"/>.</summary>
public sealed record TaskFailureReport(string TaskId, string Message, string? ErrorType, bool Retryable, long? DurationMs, string? WorkerId);
