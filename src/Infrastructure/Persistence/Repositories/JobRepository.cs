using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Infrastructure.Persistence.Repositories;

internal sealed class JobRepository(DagMasterDbContext db) : IJobRepository
{
    public void Add(Job job) => db.JobSet.Add(job);

    public async Task<Job?> GetForUpdateAsync(JobId id, CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);

        // Lock first, read after: under READ COMMITTED a statement reads the snapshot taken when it started, so
        // nodes read in the same statement that waited for the lock could miss what the previous holder wrote.
        var locked = await db.Database
            .SqlQuery<int>($"SELECT 1 AS \"Value\" FROM dagmaster.jobs WHERE id = {id.Value} FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            return null;
        }

        return await db.JobSet.Include(j => j.Nodes).SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
    }

    public Task<Job?> FindByIdempotencyKeyAsync(string scope, string key, CancellationToken cancellationToken) =>
        db.JobSet.SingleOrDefaultAsync(j => j.IdempotencyScope == scope && j.IdempotencyKey == key, cancellationToken);
}
