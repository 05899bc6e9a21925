using System.Text.Json;

namespace DagMaster.WebApi.Contracts;

/// <summary>Body of <c>POST /api/v1/jobs</c>.</summary>
public sealed record SubmitJobRequest(
    string WorkflowId,
    int? WorkflowVersion,
    JsonElement? Inputs,
    string? CorrelationId,
    int? Priority,
    JsonElement? ExternalRefs);
