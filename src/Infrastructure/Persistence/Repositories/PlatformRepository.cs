using DagMaster.Domain.Platforms;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Infrastructure.Persistence.Repositories;

internal sealed class PlatformRepository(DagMasterDbContext db) : IPlatformRepository
{
    public void Add(Platform platform) => db.Set<Platform>().Add(platform);

    public Task<Platform?> GetAsync(string platformId, CancellationToken cancellationToken) =>
        db.Set<Platform>().Include(p => p.ApiKeys).SingleOrDefaultAsync(p => p.Id == platformId, cancellationToken);

    public Task<List<Platform>> ListAsync(CancellationToken cancellationToken) => db.Set<Platform>().ToListAsync(cancellationToken);
}
