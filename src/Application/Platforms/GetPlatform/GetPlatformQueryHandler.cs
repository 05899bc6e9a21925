using DagMaster.Application.Platforms.Common;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Platforms.GetPlatform;

public sealed class GetPlatformQueryHandler(IReadModel readModel) : IQueryHandler<GetPlatformQuery, PlatformDto?>
{
    public async ValueTask<PlatformDto?> Handle(GetPlatformQuery query, CancellationToken cancellationToken)
    {
        var platform = await readModel.Platforms.Include(p => p.ApiKeys).SingleOrDefaultAsync(p => p.Id == query.PlatformId, cancellationToken);
        return platform is null ? null : PlatformMapping.ToDto(platform);
    }
}
