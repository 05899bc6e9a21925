using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Infrastructure.Persistence.Repositories;

internal sealed class JobRepository(DagMasterDbContext db) : IJobRepository
{
    public void Add(Job job) => db.JobSet.Add(job);

    public async Task<Job?> GetForUpdateAsync(JobId id, CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);
        return await db.JobSet
            .FromSql($"SELECT * FROM dagmaster.jobs WHERE id = {id.Value} FOR UPDATE")
            .Include(j => j.Nodes)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public Task<Job?> FindByIdempotencyKeyAsync(string scope, string key, CancellationToken cancellationToken) =>
        db.JobSet.SingleOrDefaultAsync(j => j.IdempotencyScope == scope && j.IdempotencyKey == key, cancellationToken);
}
