using DagMaster.Application.Assets.Common;
using DagMaster.Domain.Assets;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Assets.ListAssets;

public sealed class ListAssetsQueryHandler(IAssetListReader reader, IReadModel readModel) : IQueryHandler<ListAssetsQuery, AssetPageDto>
{
    public async ValueTask<AssetPageDto> Handle(ListAssetsQuery query, CancellationToken cancellationToken)
    {
        var ids = await reader.ListIdsAsync(query, query.Limit + 1, cancellationToken);
        var pageIds = ids.Take(query.Limit).Select(id => new AssetId(id)).ToList();
        var assets = await readModel.Assets.Where(a => pageIds.Contains(a.Id))
            .Include(a => a.Versions).ThenInclude(v => v.Revisions)
            .ToListAsync(cancellationToken);
        var items = assets.OrderBy(a => a.Id.Value, StringComparer.Ordinal).Select(AssetMapping.ToDto).ToList();
        return new AssetPageDto(items, ids.Count > query.Limit ? pageIds[^1].Value : null);
    }
}
