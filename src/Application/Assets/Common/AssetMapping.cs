using System.Text.Json;
using DagMaster.Domain.Assets;

namespace DagMaster.Application.Assets.Common;

internal static class AssetMapping
{
    public static AssetDto ToDto(GeospatialAsset asset) => new(
        asset.Id.Value,
        asset.PlatformId,
        Json(asset.PlatformRefsJson)!.Value,
        AssetText.Of(asset.Clearance),
        asset.ClearedBy,
        asset.ClearedAt,
        asset.IsDeleted,
        asset.DeletedAt,
        asset.LatestApprovedOrdinal,
        asset.CreatedAt,
        asset.UpdatedAt,
        asset.Versions.OrderBy(v => v.Ordinal).Select(ToDto).ToList());

    public static AssetVersionDto ToDto(AssetVersion version) => new(
        version.Ordinal,
        version.Label,
        AssetText.Of(version.ApprovalState),
        version.ReviewedBy,
        version.ReviewedAt,
        version.RejectionReason,
        version.CurrentRevision,
        Json(version.Current?.ArtifactsJson),
        version.CreatedAt,
        version.Revisions.OrderBy(r => r.Number)
            .Select(r => new RevisionDto(r.Number, r.RequestId, r.JobId, AssetText.Of(r.Status), Json(r.ArtifactsJson), r.Error, r.CreatedAt, r.CompletedAt))
            .ToList());

    public static JsonElement? Json(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
