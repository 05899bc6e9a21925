using System.Text.Json.Nodes;

namespace DagMaster.Worker.Client;

/// <summary>
/// One result of a <c>results</c> call (snake_case): a completion with <see cref="Output"/>, or a failure with
/// <see cref="Error"/>; <see cref="DurationMs"/> is kept in the job's timeline when given.
/// </summary>
public sealed record TaskResultReport(string TaskId, JsonObject? Output, TaskError? Error, long? DurationMs)
{
    public static TaskResultReport Completed(string taskId, JsonObject output, long? durationMs = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        ArgumentNullException.ThrowIfNull(output);
        return new TaskResultReport(taskId, output, null, durationMs);
    }

    public static TaskResultReport Failed(string taskId, TaskError error, long? durationMs = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        ArgumentNullException.ThrowIfNull(error);
        return new TaskResultReport(taskId, null, error, durationMs);
    }
}
