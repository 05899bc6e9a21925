using System.Text.Json.Nodes;

namespace DagMaster.Worker.Client;

/// <summary>
/// A result on the Service Bus results queue (snake_case): <c>running</c> at the start, then <c>completed</c> with
/// <see cref="Output"/> or <c>failed</c> with <see cref="Error"/>, both with <see cref="DurationMs"/>.
/// </summary>
public sealed record TaskResultMessage(string TaskId, string Status, string WorkerId, JsonObject? Output = null, TaskError? Error = null, long? DurationMs = null)
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
