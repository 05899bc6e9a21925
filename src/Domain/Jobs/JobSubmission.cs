namespace DagMaster.Domain.Jobs;

/// <summary>Who submitted a job and the request's metadata.</summary>
public sealed record JobSubmission(
    int Priority = 0,
    string? CorrelationId = null,
    string? PlatformId = null,
    string? ExternalRefsJson = null,
    string? IdempotencyScope = null,
    string? IdempotencyKey = null,
    string? RequestHash = null,
    string? SubmittedBy = null);
