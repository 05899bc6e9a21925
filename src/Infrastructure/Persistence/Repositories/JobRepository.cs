using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Infrastructure.Persistence.Repositories;

internal sealed class JobRepository(DagMasterDbContext db) : IJobRepository
{
    public void Add(Job job) => db.JobSet.Add(job);

    public async Task<Job?> GetForUpdateAsync(JobId id, ChildSelection children, CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);

        // The job row is read by the statement that locks it: FOR UPDATE returns the row's newest version once
        // the lock is granted. Nodes are read by a later statement, so they see what the previous holder wrote
        // (under READ COMMITTED one statement that waited for a lock would still read its older snapshot).
        var job = (await db.JobSet.FromSql($"SELECT * FROM dagmaster.jobs WHERE id = {id.Value} FOR UPDATE")
            .AsTracking()
            .ToListAsync(cancellationToken)).SingleOrDefault();
        if (job is null)
        {
            return null;
        }

        // Tracked, so EF adds them to the job's nodes. Each part is its own indexed scan: one statement with an
        // OR over them would read every child of a wide fan-out.
        var jobId = id.Value;
        var named = children.NodeIds.ToArray();
        var nodes = children.All
            ? db.Set<JobNode>().FromSql($"SELECT * FROM dagmaster.job_nodes WHERE job_id = {jobId}")
            : db.Set<JobNode>().FromSql($"""
                SELECT * FROM dagmaster.job_nodes WHERE job_id = {jobId} AND parent_node_id IS NULL
                UNION ALL
                SELECT * FROM dagmaster.job_nodes WHERE job_id = {jobId} AND node_id = ANY({named}) AND parent_node_id IS NOT NULL
                UNION ALL
                SELECT * FROM dagmaster.job_nodes
                WHERE {children.RetriesScheduled} AND job_id = {jobId} AND parent_node_id IS NOT NULL
                  AND status = 'Failed' AND next_attempt_at IS NOT NULL AND NOT (node_id = ANY({named}))
                """);
        await nodes.LoadAsync(cancellationToken);
        return job;
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
