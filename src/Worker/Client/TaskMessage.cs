using System.Text.Json.Nodes;

namespace DagMaster.Worker.Client;

/// <summary>A task as DagMaster hands it to a worker (an element of the claim answer; snake_case on the wire).</summary>
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
}
