using System.Text.Json;

namespace DagMaster.Application.Assets.Common;

/// <summary>A version with the artifacts of its current revision and every revision.</summary>
public sealed record AssetVersionDto(
    int Ordinal,
    string? Label,
    string ApprovalState,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? RejectionReason,
    int CurrentRevision,
    JsonElement? Artifacts,
    DateTimeOffset CreatedAt,
    IReadOnlyList<RevisionDto> Revisions);
