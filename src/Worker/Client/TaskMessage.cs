using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DagMaster.Worker.Client;

/// <summary>
/// A task as DagMaster hands it to a worker: an element of the claim answer, or the body of a Service Bus task message
/// (snake_case on the wire). The Service Bus body may also carry the original system's fields
/// (<see cref="DispatchedAt"/>, <see cref="RetryCount"/>, <see cref="CheckpointPhase"/>, <see cref="CheckpointData"/>).
/// </summary>
public sealed record TaskMessage
{
    public required string TaskId { get; init; }

    public string JobId { get; init; } = string.Empty;

    public string NodeId { get; init; } = string.Empty;

    public required string Handler { get; init; }

    public string Queue { get; init; } = string.Empty;

    public JsonObject? Params { get; init; }

    public int Attempt { get; init; } = 1;

    public int MaxAttempts { get; init; } = 1;

    /// <summary>The handler is cancelled and the task failed (retryable) after this many seconds; none when null.</summary>
    public int? TimeoutSeconds { get; init; }

    public string? CorrelationId { get; init; }

    public string? WorkflowId { get; init; }

    public int? WorkflowVersion { get; init; }

    public TaskCheckpoint? Checkpoint { get; init; }

    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>W3C trace context of the task's dispatch: the worker's span for this task is its child.</summary>
    [JsonPropertyName("traceparent")]
    public string? TraceParent { get; init; }

    /// <summary>When the task was sent (Service Bus messages; the original system's format, kept as sent).</summary>
    public string? DispatchedAt { get; init; }

    /// <summary>The original system's retry counter (0 for the first attempt).</summary>
    public int? RetryCount { get; init; }

    /// <summary>The original system's checkpoint phase; ignored when <see cref="Checkpoint"/> is present.</summary>
    public string? CheckpointPhase { get; init; }

    /// <summary>The original system's checkpoint record (its <c>state_data</c> is the handler's state); ignored when <see cref="Checkpoint"/> is present.</summary>
    public JsonObject? CheckpointData { get; init; }
}
