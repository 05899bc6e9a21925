using DagMaster.Application.Assets.Common;
using DagMaster.Domain.Assets;

namespace DagMaster.Application.Assets.SetClearance;

public sealed class SetClearanceCommandHandler(AssetVersions versions, TimeProvider clock) : ICommandHandler<SetClearanceCommand, AssetDto>
{
    public async ValueTask<AssetDto> Handle(SetClearanceCommand command, CancellationToken cancellationToken)
    {
        var asset = await versions.GetAssetAsync(command.AssetId, cancellationToken);
        AssetText.TryParse(command.Clearance, out var clearance);
        asset.SetClearance(clearance, command.Actor, clock);
        return AssetMapping.ToDto(asset);
    }
}
