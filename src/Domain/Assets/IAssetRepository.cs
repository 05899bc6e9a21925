namespace DagMaster.Domain.Assets;

public interface IAssetRepository
{
    void Add(GeospatialAsset asset);

    /// <summary>The asset with its versions, revisions, tracked, holding its row lock until the transaction ends.</summary>
    Task<GeospatialAsset?> GetForUpdateAsync(AssetId id, CancellationToken cancellationToken);

    /// <summary>The id of the asset one of whose revisions ran <paramref name="jobId"/>.</summary>
    Task<AssetId?> FindByJobAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>The revision a platform's request created, with its asset id, or null.</summary>
    Task<(AssetId AssetId, Guid JobId)?> FindRequestAsync(string platformId, string requestId, CancellationToken cancellationToken);
}
