using System.Text.Json;

namespace DagMaster.Application.Jobs.GetJobNodes;

public sealed record JobNodeDto(
    string NodeId,
    string Status,
    int Attempt,
    string? TaskId,
    JsonElement? Output,
    string? Error,
    JsonElement? Params,
    JsonElement? Checkpoint,
    JsonElement? Progress,
    string? ParentNodeId,
    int? Index,
    DateTimeOffset? ReadyAt,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? NextAttemptAt,
    string? WorkerId,
    long? DurationMs);
