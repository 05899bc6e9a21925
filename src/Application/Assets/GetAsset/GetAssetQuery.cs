using DagMaster.Application.Assets.Common;

namespace DagMaster.Application.Assets.GetAsset;

/// <summary><see cref="PlatformId"/>, when set, limits the answer to that platform's assets (tenant isolation).</summary>
public sealed record GetAssetQuery(string AssetId, string? PlatformId = null) : IQuery<AssetDto?>;
