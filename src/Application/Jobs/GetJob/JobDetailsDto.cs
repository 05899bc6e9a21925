using System.Text.Json;

namespace DagMaster.Application.Jobs.GetJob;

public sealed record JobDetailsDto(
    Guid JobId,
    string WorkflowId,
    int WorkflowVersion,
    string Status,
    int Priority,
    string? CorrelationId,
    string? PlatformId,
    JsonElement? ExternalRefs,
    JsonElement? Inputs,
    JsonElement? Result,
    string? Error,
    string? FailedNodeId,
    string? SubmittedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? Deadline,
    JobProgressDto Progress);
