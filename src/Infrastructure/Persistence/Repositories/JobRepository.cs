using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Infrastructure.Persistence.Repositories;

internal sealed class JobRepository(DagMasterDbContext db) : IJobRepository
{
    public void Add(Job job) => db.JobSet.Add(job);

    public async Task<Job?> GetForUpdateAsync(JobId id, ChildSelection children, CancellationToken cancellationToken)
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

        var query = db.JobSet.Where(j => j.Id == id);
        if (children.All)
        {
            return await query.Include(j => j.Nodes).SingleOrDefaultAsync(cancellationToken);
        }

        var named = children.NodeIds.ToList();
        var retries = children.RetriesScheduled;
        return await query
            .Include(j => j.Nodes.Where(n => n.ParentNodeId == null
                || named.Contains(n.NodeId)
                || (retries && n.Status == NodeStatus.Failed && n.NextAttemptAt != null)))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<int> LoadWaitingChildrenAsync(Job job, string fanOutId, int count, CancellationToken cancellationToken)
    {
        // What this unit of work already dispatched must not come back as waiting.
        await db.SaveChangesAsync(cancellationToken);
        var loaded = await db.Set<JobNode>()
            .Where(n => n.JobId == job.Id && n.ParentNodeId == fanOutId && n.Status == NodeStatus.Ready && n.Attempt == n.AttemptOffset)
            .OrderBy(n => n.Index)
            .Take(count)
            .ToListAsync(cancellationToken);
        return loaded.Count; // tracked: EF adds them to the job's nodes
    }

    public async Task<IReadOnlyList<string?>> ReadChildOutputsAsync(Job job, string fanOutId, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        return await db.Set<JobNode>().AsNoTracking()
            .Where(n => n.JobId == job.Id && n.ParentNodeId == fanOutId && n.Status == NodeStatus.Completed)
            .OrderBy(n => n.Index)
            .Select(n => n.OutputJson)
            .ToListAsync(cancellationToken);
    }

    public Task<Job?> FindByIdempotencyKeyAsync(string scope, string key, CancellationToken cancellationToken) =>
        db.JobSet.SingleOrDefaultAsync(j => j.IdempotencyScope == scope && j.IdempotencyKey == key, cancellationToken);
}
