using System.Text.Json;

namespace DagMaster.Application.Jobs.GetJobGraph;

/// <summary>A node of the definition (not a fan-out child) with its current attempt.</summary>
public sealed record NodeStateDto(
    string NodeId,
    string Status,
    int Attempt,
    string? Error,
    JsonElement? Params,
    JsonElement? Output,
    JsonElement? Progress,
    DateTimeOffset? ReadyAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? NextAttemptAt,
    string? WorkerId = null,
    long? DurationMs = null);
