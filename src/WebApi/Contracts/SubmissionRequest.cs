using System.Text.Json;

namespace DagMaster.WebApi.Contracts;

/// <summary>Body of <c>POST /api/v1/platforms/{platform_id}/submissions</c>.</summary>
public sealed record SubmissionRequest(
    string? RequestId,
    string? Kind,
    JsonElement? Refs,
    string? VersionLabel,
    JsonElement? Inputs,
    int? Priority);
