using System.Text.Json;

namespace DagMaster.Application.Jobs.SubmitJob;

/// <summary>Starts a job of a workflow, through the submissions' group commit (<see cref="JobSubmissions"/>). <see cref="Caller"/> scopes the idempotency key (platform or operator).</summary>
public sealed record JobSubmissionRequest(
    string WorkflowId,
    int? WorkflowVersion,
    JsonElement? Inputs,
    string? CorrelationId,
    int? Priority,
    JsonElement? ExternalRefs,
    string? IdempotencyKey,
    string Caller,
    string? PlatformId = null);
