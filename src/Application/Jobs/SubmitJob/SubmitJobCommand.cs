using System.Text.Json;

namespace DagMaster.Application.Jobs.SubmitJob;

/// <summary>Starts a job of a workflow. <see cref="Caller"/> scopes the idempotency key (platform or operator).</summary>
public sealed record SubmitJobCommand(
    string WorkflowId,
    int? WorkflowVersion,
    JsonElement? Inputs,
    string? CorrelationId,
    int? Priority,
    JsonElement? ExternalRefs,
    string? IdempotencyKey,
    string Caller,
    string? PlatformId = null) : ICommand<SubmitJobResponse>;
