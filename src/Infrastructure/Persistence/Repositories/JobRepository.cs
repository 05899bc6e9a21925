using System.Collections.Concurrent;
using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DagMaster.Infrastructure.Persistence.Repositories;

internal sealed class JobRepository(DagMasterDbContext db, JobInputsCache inputsCache) : IJobRepository
{
    private static readonly ConcurrentDictionary<bool, string> s_lockSql = new();
    private static string? s_lockManySql;

    public void Add(Job job)
    {
        db.JobSet.Add(job);
        inputsCache.Remember(job.Id.Value, job.InputsJson);
    }

    public async Task<Job?> GetForUpdateAsync(JobId id, ChildSelection children, CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);

        // The job row is read by the statement that locks it: FOR NO KEY UPDATE returns the row's newest version
        // once the lock is granted, and, unlike FOR UPDATE, does not block the key-share lock another transaction's
        // foreign key check takes (a claim writing its node_started event waits for no step of the job). Nodes are read by a later statement, so they see what the previous holder wrote
        // (under READ COMMITTED one statement that waited for a lock would still read its older snapshot).
        // Large inputs known to this instance are not read again.
        var inputsKnown = inputsCache.TryGet(id.Value, out var knownInputs);
        var job = (await db.JobSet.FromSqlRaw(LockSql(inputsKnown), id.Value)
            .AsTracking()
            .ToListAsync(cancellationToken)).SingleOrDefault();
        if (job is null)
        {
            return null;
        }

        RestoreInputs(job, inputsKnown ? knownInputs : null);

        // Read untracked and attached by hand (LoadedNodeRows). Each part is its own indexed scan: one statement
        // with an OR over them would read every child of a wide fan-out. Each named child (distinct already) is a
        // primary-key lookup no plan can widen: a LATERAL subquery kept from being flattened into a join by its
        // LIMIT 1, leaving "parent_node_id IS NOT NULL" to the outer query so that only the primary key serves it.
        // A generic plan cached while a fan-out had no children yet (one child per job, by the statistics) otherwise
        // chose a hash join over the job's children (220 ms a step once it had 100,000) or the children index
        // filtered by node id (2.7 s).
        var jobId = id.Value;
        var named = children.NodeIds.ToArray();
        var nodes = children.All
            ? db.Set<JobNode>().FromSql($"SELECT * FROM dagmaster.job_nodes WHERE job_id = {jobId}")
            : db.Set<JobNode>().FromSql($"""
                SELECT * FROM dagmaster.job_nodes WHERE job_id = {jobId} AND parent_node_id IS NULL
                UNION ALL
                SELECT n.* FROM unnest({named}) AS c(node_id)
                CROSS JOIN LATERAL (SELECT * FROM dagmaster.job_nodes WHERE job_id = {jobId} AND node_id = c.node_id LIMIT 1) n
                WHERE n.parent_node_id IS NOT NULL
                UNION ALL
                SELECT * FROM dagmaster.job_nodes
                WHERE {children.RetriesScheduled} AND job_id = {jobId} AND parent_node_id IS NOT NULL
                  AND status = 'Failed' AND next_attempt_at IS NOT NULL AND NOT (node_id = ANY({named}))
                """);
        db.AttachNodes(job, await nodes.AsNoTracking().ToListAsync(cancellationToken));
        return job;
    }

    public async Task<IReadOnlyList<Job>> GetManyForUpdateAsync(
        IReadOnlyCollection<JobId> ids, IReadOnlyCollection<(JobId JobId, string NodeId)> children, CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);

        // As GetForUpdateAsync, for many jobs: one statement locks the rows in id order, and the inputs this
        // instance knows are replaced by a stand-in.
        var jobIds = ids.Select(i => i.Value).Distinct().ToArray();
        var known = new Dictionary<Guid, string>();
        foreach (var id in jobIds)
        {
            if (inputsCache.TryGet(id, out var inputs))
            {
                known[id] = inputs;
            }
        }

        var jobs = await db.JobSet.FromSqlRaw(s_lockManySql ??= LockManySql(), jobIds, known.Keys.ToArray())
            .AsTracking()
            .ToListAsync(cancellationToken);
        foreach (var job in jobs)
        {
            RestoreInputs(job, known.GetValueOrDefault(job.Id.Value));
        }

        // Named children (distinct already) as in GetForUpdateAsync: primary-key lookups no cached plan can widen.
        var childJobs = children.Select(c => c.JobId.Value).ToArray();
        var childNodes = children.Select(c => c.NodeId).ToArray();
        var nodes = await db.Set<JobNode>().FromSql($"""
                SELECT * FROM dagmaster.job_nodes WHERE job_id = ANY({jobIds}) AND parent_node_id IS NULL
                UNION ALL
                SELECT n.* FROM unnest({childJobs}, {childNodes}) AS c(job_id, node_id)
                CROSS JOIN LATERAL (SELECT * FROM dagmaster.job_nodes WHERE job_id = c.job_id AND node_id = c.node_id LIMIT 1) n
                WHERE n.parent_node_id IS NOT NULL
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var byJob = nodes.GroupBy(n => n.JobId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var job in jobs)
        {
            db.AttachNodes(job, byJob.GetValueOrDefault(job.Id) ?? []);
        }

        return jobs;
    }

    /// <summary>A locked job gets its large inputs from the cache when the locking read left them out.</summary>
    private void RestoreInputs(Job job, string? knownInputs)
    {
        if (knownInputs is null)
        {
            inputsCache.Remember(job.Id.Value, job.InputsJson);
            return;
        }

        var inputs = db.Entry(job).Property(j => j.InputsJson);
        inputs.CurrentValue = knownInputs;
        inputs.OriginalValue = knownInputs;
        inputs.IsModified = false;
    }

    /// <summary>The locking read of a job, every mapped column by name, with the inputs left out when they are known.</summary>
    private string LockSql(bool withoutInputs) => s_lockSql.GetOrAdd(withoutInputs, skip =>
        $"SELECT {string.Join(", ", JobColumns(c => skip ? $"'0'::jsonb AS {c}" : c))} FROM {JobTable} WHERE id = {{0}} FOR NO KEY UPDATE");

    /// <summary>The locking read of the jobs in {0}, in id order, leaving out the inputs of those in {1}.</summary>
    private string LockManySql() =>
        $"SELECT {string.Join(", ", JobColumns(c => $"CASE WHEN id = ANY({{1}}) THEN '0'::jsonb ELSE {c} END AS {c}"))} " +
        $"FROM {JobTable} WHERE id = ANY({{0}}) ORDER BY id FOR NO KEY UPDATE";

    private string JobTable => $"{JobEntity.GetSchema()}.{JobEntity.GetTableName()}";

    private IEntityType JobEntity => db.Model.FindEntityType(typeof(Job))!;

    /// <summary>Every mapped column of the jobs table by name, the inputs column as <paramref name="inputs"/> writes it.</summary>
    private IEnumerable<string> JobColumns(Func<string, string> inputs)
    {
        var table = StoreObjectIdentifier.Table(JobEntity.GetTableName()!, JobEntity.GetSchema());
        var inputsColumn = JobEntity.FindProperty(nameof(Job.InputsJson))!.GetColumnName(table)!;
        return JobEntity.GetProperties()
            .Select(p => p.GetColumnName(table)!)
            .Select(c => c == inputsColumn ? inputs(c) : c);
    }

    public async Task<int> LoadWaitingChildrenAsync(Job job, string fanOutId, int count, CancellationToken cancellationToken)
    {
        // What this unit of work already dispatched must not come back as waiting.
        await db.WritePendingAsync(cancellationToken);
        var loaded = await db.Set<JobNode>().AsNoTracking()
            .Where(n => n.JobId == job.Id && n.ParentNodeId == fanOutId && n.Status == NodeStatus.Ready && n.Attempt == n.AttemptOffset)
            .OrderBy(n => n.Index)
            .Take(count)
            .ToListAsync(cancellationToken);
        db.AttachNodes(job, loaded);
        return loaded.Count;
    }

    public async Task<IReadOnlyList<string?>> ReadChildOutputsAsync(Job job, string fanOutId, CancellationToken cancellationToken)
    {
        await db.WritePendingAsync(cancellationToken);
        return await db.Set<JobNode>().AsNoTracking()
            .Where(n => n.JobId == job.Id && n.ParentNodeId == fanOutId && n.Status == NodeStatus.Completed)
            .OrderBy(n => n.Index)
            .Select(n => n.OutputJson)
            .ToListAsync(cancellationToken);
    }

    public Task<Job?> FindByIdempotencyKeyAsync(string scope, string key, CancellationToken cancellationToken) =>
        db.JobSet.SingleOrDefaultAsync(j => j.IdempotencyScope == scope && j.IdempotencyKey == key, cancellationToken);
}
