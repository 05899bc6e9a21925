using DagMaster.Application.Platforms.Common;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Platforms.ListPlatforms;

public sealed class ListPlatformsQueryHandler(IReadModel readModel) : IQueryHandler<ListPlatformsQuery, IReadOnlyList<PlatformDto>>
{
    public async ValueTask<IReadOnlyList<PlatformDto>> Handle(ListPlatformsQuery query, CancellationToken cancellationToken)
    {
        var platforms = await readModel.Platforms.Include(p => p.ApiKeys)
            .Where(p => query.PlatformId == null || p.Id == query.PlatformId)
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return platforms.Select(PlatformMapping.ToDto).ToList();
    }
}
