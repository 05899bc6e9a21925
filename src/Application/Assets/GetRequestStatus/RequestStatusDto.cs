using System.Text.Json;

namespace DagMaster.Application.Assets.GetRequestStatus;

/// <summary><see cref="Status"/> is accepted, processing, completed, failed or cancelled.</summary>
public sealed record RequestStatusDto(
    string RequestId,
    string Status,
    double ProgressPercent,
    string AssetId,
    int VersionOrdinal,
    string? VersionLabel,
    int Revision,
    bool IsCurrentRevision,
    string ApprovalState,
    JsonElement? Artifacts,
    string? Error,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? CompletedAt);
