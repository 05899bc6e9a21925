namespace DagMaster.Application.Assets.DeleteAsset;

/// <summary>Soft-deletes an asset; a later submission for it is refused (409).</summary>
public sealed record DeleteAssetCommand(string AssetId, string Actor) : ICommand;
