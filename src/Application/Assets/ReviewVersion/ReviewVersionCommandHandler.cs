using DagMaster.Application.Assets.Common;
using DagMaster.Domain.Assets;

namespace DagMaster.Application.Assets.ReviewVersion;

public sealed class ReviewVersionCommandHandler(AssetVersions versions, AssetCallbacks callbacks, TimeProvider clock)
    : ICommandHandler<ReviewVersionCommand, AssetVersionDto>
{
    public async ValueTask<AssetVersionDto> Handle(ReviewVersionCommand command, CancellationToken cancellationToken)
    {
        var (asset, version) = await versions.GetAsync(command.AssetId, command.Ordinal, cancellationToken);
        if (command.Approve)
        {
            asset.Approve(version, command.Actor, clock);
        }
        else
        {
            asset.Reject(version, command.Actor, command.Reason, clock);
        }

        var state = AssetText.Of(version.ApprovalState);
        await callbacks.EnqueueAsync(asset, version.Current!, $"version.{state}", state, cancellationToken);
        return AssetMapping.ToDto(version);
    }
}
