using System.Text.Json;

namespace DagMaster.Application.Jobs.ReportTaskStatus;

/// <summary>
/// A worker's report in the original system's form (its HTTP callback, or a message on the results queue):
/// <c>received</c> or <c>running</c> (it holds the task), <c>completed</c> with an output, <c>failed</c> with an error.
/// Only the current attempt's task id changes anything; repeats and stale reports are recorded and acknowledged.
/// </summary>
public sealed record TaskStatusReport(
    string TaskId,
    string Status,
    JsonElement? Output,
    string? ErrorMessage,
    string? ErrorType,
    bool Retryable,
    long? DurationMs,
    string? WorkerId,
    string? ProgressJson)
{
    public static readonly IReadOnlyList<string> Statuses = ["received", "running", "completed", "failed"];
}
