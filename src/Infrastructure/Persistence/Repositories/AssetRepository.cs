using DagMaster.Domain.Assets;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Infrastructure.Persistence.Repositories;

internal sealed class AssetRepository(DagMasterDbContext db) : IAssetRepository
{
    public void Add(GeospatialAsset asset) => db.Set<GeospatialAsset>().Add(asset);

    public async Task<GeospatialAsset?> GetForUpdateAsync(AssetId id, CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);
        var locked = await db.Database
            .SqlQuery<int>($"SELECT 1 AS \"Value\" FROM dagmaster.assets WHERE asset_id = {id.Value} FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            return db.Set<GeospatialAsset>().Local.SingleOrDefault(a => a.Id == id);
        }

        return await db.Set<GeospatialAsset>().Include(a => a.Versions).ThenInclude(v => v.Revisions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    public async Task<AssetId?> FindByJobAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var local = db.Set<Revision>().Local.FirstOrDefault(r => r.JobId == jobId);
        if (local is not null)
        {
            return local.AssetId;
        }

        var ids = await db.Set<Revision>().Where(r => r.JobId == jobId).Select(r => r.AssetId).ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }

    public async Task<(AssetId AssetId, Guid JobId)?> FindRequestAsync(string platformId, string requestId, CancellationToken cancellationToken)
    {
        var found = await db.Set<Revision>().AsNoTracking()
            .Where(r => r.PlatformId == platformId && r.RequestId == requestId)
            .Select(r => new { r.AssetId, r.JobId })
            .ToListAsync(cancellationToken);
        return found.Count == 0 ? null : (found[0].AssetId, found[0].JobId);
    }
}
