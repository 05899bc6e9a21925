using DagMaster.Application.Assets.Common;

namespace DagMaster.Application.Assets.DeleteAsset;

public sealed class DeleteAssetCommandHandler(AssetVersions versions, TimeProvider clock) : ICommandHandler<DeleteAssetCommand>
{
    public async ValueTask<Unit> Handle(DeleteAssetCommand command, CancellationToken cancellationToken)
    {
        var asset = await versions.GetAssetAsync(command.AssetId, cancellationToken);
        asset.Delete(command.Actor, clock);
        return Unit.Value;
    }
}
