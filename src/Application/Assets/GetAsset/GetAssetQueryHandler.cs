using DagMaster.Application.Assets.Common;
using DagMaster.Domain.Assets;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Assets.GetAsset;

public sealed class GetAssetQueryHandler(IReadModel readModel) : IQueryHandler<GetAssetQuery, AssetDto?>
{
    public async ValueTask<AssetDto?> Handle(GetAssetQuery query, CancellationToken cancellationToken)
    {
        var id = new AssetId(query.AssetId);
        var asset = await readModel.Assets.Include(a => a.Versions).ThenInclude(v => v.Revisions)
            .SingleOrDefaultAsync(a => a.Id == id && (query.PlatformId == null || a.PlatformId == query.PlatformId), cancellationToken);
        return asset is null ? null : AssetMapping.ToDto(asset);
    }
}
