using DagMaster.Application.Common.Exceptions;
using DagMaster.Domain.Assets;

namespace DagMaster.Application.Assets.Common;

/// <summary>Loads an asset for a change, with one of its versions; 404 when either is missing.</summary>
public sealed class AssetVersions(IAssetRepository assets)
{
    public async Task<GeospatialAsset> GetAssetAsync(string assetId, CancellationToken cancellationToken) =>
        await assets.GetForUpdateAsync(new AssetId(assetId), cancellationToken) ?? throw new NotFoundException("Asset", assetId);

    public async Task<(GeospatialAsset Asset, AssetVersion Version)> GetAsync(string assetId, int ordinal, CancellationToken cancellationToken)
    {
        var asset = await GetAssetAsync(assetId, cancellationToken);
        return (asset, asset.FindVersion(ordinal) ?? throw new NotFoundException("Asset version", $"{assetId}/{ordinal}"));
    }
}
