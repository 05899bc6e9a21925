using System.Text.Json;

namespace DagMaster.Application.Assets.Common;

public sealed record AssetDto(
    string AssetId,
    string PlatformId,
    JsonElement PlatformRefs,
    string Clearance,
    string? ClearedBy,
    DateTimeOffset? ClearedAt,
    bool IsDeleted,
    DateTimeOffset? DeletedAt,
    int? LatestApprovedOrdinal,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<AssetVersionDto> Versions);
