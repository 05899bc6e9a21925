namespace DagMaster.Application.Assets.GetAssetHistory;

/// <summary>The newest <see cref="Limit"/> entries of an asset's history, newest first.</summary>
public sealed record GetAssetHistoryQuery(string AssetId, int Limit = 100) : IQuery<IReadOnlyList<AssetEventDto>>;
