using DagMaster.Application.Assets.Common;

namespace DagMaster.Application.Assets.RollbackVersion;

public sealed class RollbackVersionCommandHandler(AssetVersions versions, TimeProvider clock) : ICommandHandler<RollbackVersionCommand, AssetVersionDto>
{
    public async ValueTask<AssetVersionDto> Handle(RollbackVersionCommand command, CancellationToken cancellationToken)
    {
        var (asset, version) = await versions.GetAsync(command.AssetId, command.Ordinal, cancellationToken);
        asset.Rollback(version, command.Revision, command.Actor, clock);
        return AssetMapping.ToDto(version);
    }
}
