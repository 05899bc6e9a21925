using DagMaster.Application.Assets.Common;
using DagMaster.Domain.Assets;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Assets.GetAssetHistory;

/// <summary>Reads along <c>ix_asset_events_asset</c> (asset id, event id) backwards.</summary>
public sealed class GetAssetHistoryQueryHandler(IReadModel readModel) : IQueryHandler<GetAssetHistoryQuery, IReadOnlyList<AssetEventDto>>
{
    public async ValueTask<IReadOnlyList<AssetEventDto>> Handle(GetAssetHistoryQuery query, CancellationToken cancellationToken)
    {
        var id = new AssetId(query.AssetId);
        var events = await readModel.AssetEvents.Where(e => e.AssetId == id)
            .OrderByDescending(e => e.Id)
            .Take(query.Limit)
            .ToListAsync(cancellationToken);
        return events.Select(e => new AssetEventDto(e.Id, e.Type, e.VersionOrdinal, AssetMapping.Json(e.DataJson), e.Actor, e.OccurredAt)).ToList();
    }
}
