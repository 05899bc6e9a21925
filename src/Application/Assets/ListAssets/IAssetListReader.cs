namespace DagMaster.Application.Assets.ListAssets;

/// <summary>The ids of one page of assets (JSON containment on platform refs is provider specific).</summary>
public interface IAssetListReader
{
    Task<IReadOnlyList<string>> ListIdsAsync(ListAssetsQuery query, int take, CancellationToken cancellationToken);
}
