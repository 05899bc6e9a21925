namespace DagMaster.Application.Jobs.ListJobs;

public sealed record JobSummaryDto(
    Guid JobId,
    string WorkflowId,
    int WorkflowVersion,
    string Status,
    int Priority,
    string? CorrelationId,
    string? PlatformId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? Error);
