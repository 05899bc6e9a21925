using System.Collections.Concurrent;
using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using static DagMaster.Infrastructure.Persistence.BatchStatements;

namespace DagMaster.Infrastructure.Persistence.Repositories;

internal sealed class JobRepository(DagMasterDbContext db, JobInputsCache inputsCache) : IJobRepository
{
    private static readonly ConcurrentDictionary<bool, string> s_lockSql = new();
    private static string? s_lockManySql;

    public void Add(Job job)
    {
        db.AddNewJob(job);
        inputsCache.Remember(job.Id.Value, job.InputsJson);
    }

    public async Task<Job?> GetForUpdateAsync(JobId id, ChildSelection children, CancellationToken cancellationToken)
    {
        // The job row is read by the statement that locks it: FOR NO KEY UPDATE returns the row's newest version
        // once the lock is granted, and, unlike FOR UPDATE, does not block the key-share lock another transaction's
        // foreign key check takes (a claim writing its node_started event waits for no step of the job). Nodes are
        // read by the batch's next statement, so they see what the previous holder wrote (under READ COMMITTED one
        // statement that waited for a lock would still read its older snapshot). Large inputs known to this
        // instance are not read again.
        var inputsKnown = inputsCache.TryGet(id.Value, out var knownInputs);
        var lockJob = Command(LockSql(inputsKnown), new NpgsqlParameter("id", id.Value));

        // Each part of the node read is its own indexed scan: one statement with an OR over them would read every
        // child of a wide fan-out. Each named child (distinct already) is a primary-key lookup no plan can widen: a
        // LATERAL subquery kept from being flattened into a join by its LIMIT 1, leaving "parent_node_id IS NOT
        // NULL" to the outer query so that only the primary key serves it. A generic plan cached while a fan-out
        // had no children yet (one child per job, by the statistics) otherwise chose a hash join over the job's
        // children (220 ms a step once it had 100,000) or the children index filtered by node id (2.7 s).
        var readNodes = children.All
            ? Command("SELECT * FROM dagmaster.job_nodes WHERE job_id = @job", new NpgsqlParameter("job", id.Value))
            : Command("""
                SELECT * FROM dagmaster.job_nodes WHERE job_id = @job AND parent_node_id IS NULL
                UNION ALL
                SELECT n.* FROM unnest(@named) AS c(node_id)
                CROSS JOIN LATERAL (SELECT * FROM dagmaster.job_nodes WHERE job_id = @job AND node_id = c.node_id LIMIT 1) n
                WHERE n.parent_node_id IS NOT NULL
                UNION ALL
                SELECT * FROM dagmaster.job_nodes
                WHERE @retries AND job_id = @job AND parent_node_id IS NOT NULL
                  AND status = 'Failed' AND next_attempt_at IS NOT NULL AND NOT (node_id = ANY(@named))
                """,
                new NpgsqlParameter("job", id.Value),
                Array("named", NpgsqlDbType.Text, children.NodeIds),
                new NpgsqlParameter("retries", children.RetriesScheduled));
        var (jobs, nodes) = await LockAndReadAsync(lockJob, readNodes, cancellationToken);
        if (jobs.Count == 0)
        {
            return null;
        }

        var job = Track(db.JobSet.Local, jobs[0], inputsKnown ? knownInputs : null);
        db.AttachNodes(job, nodes);
        return job;
    }

    public async Task<IReadOnlyList<Job>> GetManyForUpdateAsync(
        IReadOnlyCollection<JobId> ids, IReadOnlyCollection<(JobId JobId, string NodeId)> children, CancellationToken cancellationToken)
    {
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

        var lockJobs = Command(s_lockManySql ??= LockManySql(JobEntity),
            Array("ids", NpgsqlDbType.Uuid, jobIds), Array("known", NpgsqlDbType.Uuid, known.Keys));

        // Named children (distinct already) as in GetForUpdateAsync: primary-key lookups no cached plan can widen.
        var readNodes = Command(ReadNodesOfManySql,
            Array("ids", NpgsqlDbType.Uuid, jobIds),
            Array("child_jobs", NpgsqlDbType.Uuid, children.Select(c => c.JobId.Value)),
            Array("child_nodes", NpgsqlDbType.Text, children.Select(c => c.NodeId)));
        var (rows, nodes) = await LockAndReadAsync(lockJobs, readNodes, cancellationToken);
        var byJob = nodes.GroupBy(n => n.JobId).ToDictionary(g => g.Key, g => g.ToList());
        var jobs = new List<Job>(rows.Count);
        var local = db.JobSet.Local; // detects changes once, not once per job
        foreach (var row in rows)
        {
            var job = Track(local, row, known.GetValueOrDefault(row.Id.Value));
            db.AttachNodes(job, byJob.GetValueOrDefault(job.Id) ?? []);
            jobs.Add(job);
        }

        return jobs;
    }

    /// <summary>
    /// Locks jobs and reads their nodes in one round trip: two statements of one batch in the unit of work's
    /// transaction, read straight into the aggregate (<see cref="RowReader{T}"/>). Both are keyed by construction
    /// (primary keys, the partial index of a job's workflow nodes, a primary-key lookup per named child), so they
    /// run on their generic plans rather than being planned at every step (ADR-0123).
    /// </summary>
    private async Task<(List<Job> Jobs, List<JobNode> Nodes)> LockAndReadAsync(
        NpgsqlBatchCommand lockJobs, NpgsqlBatchCommand readNodes, CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
        {
            Transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction(),
            BatchCommands =
            {
                new NpgsqlBatchCommand(ConnectionTuning.GenericPlansForKeyedReads),
                lockJobs,
                readNodes,
                new NpgsqlBatchCommand(ConnectionTuning.PlannerChoosesPlans),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var jobs = await RowReader<Job>.For(JobEntity).ReadAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var nodes = await RowReader<JobNode>.For(db.Model.FindEntityType(typeof(JobNode))!).ReadAsync(reader, cancellationToken);
        return (jobs, nodes);
    }

    /// <summary>
    /// The locked job as this unit of work tracks it: the instance it holds already (as a tracking query answers),
    /// else the row read, attached as stored, its large inputs from the cache when the locking read left them out.
    /// </summary>
    private Job Track(LocalView<Job> local, Job row, string? knownInputs)
    {
        if (local.FindEntry(row.Id) is { } tracked)
        {
            return tracked.Entity;
        }

        var entry = db.JobSet.Attach(row);
        if (knownInputs is null)
        {
            inputsCache.Remember(row.Id.Value, row.InputsJson);
            return row;
        }

        var inputs = entry.Property(j => j.InputsJson);
        inputs.CurrentValue = knownInputs;
        inputs.OriginalValue = knownInputs;
        inputs.IsModified = false;
        return row;
    }

    /// <summary>The locking read of a job (@id), every mapped column by name, with the inputs left out when they are known.</summary>
    private string LockSql(bool withoutInputs) => s_lockSql.GetOrAdd(withoutInputs, skip =>
        $"SELECT {JobRowSql.Columns(JobEntity, c => skip ? $"{JobRowSql.InputsStandIn} AS {c}" : c)} FROM {JobRowSql.Table(JobEntity)} WHERE id = @id FOR NO KEY UPDATE");

    /// <summary>The node read of the jobs in @ids: their workflow nodes and the children named by @child_jobs and @child_nodes.</summary>
    internal const string ReadNodesOfManySql = """
        SELECT * FROM dagmaster.job_nodes WHERE job_id = ANY(@ids) AND parent_node_id IS NULL
        UNION ALL
        SELECT n.* FROM unnest(@child_jobs, @child_nodes) AS c(job_id, node_id)
        CROSS JOIN LATERAL (SELECT * FROM dagmaster.job_nodes WHERE job_id = c.job_id AND node_id = c.node_id LIMIT 1) n
        WHERE n.parent_node_id IS NOT NULL
        """;

    /// <summary>The locking read of the jobs in @ids, in id order, leaving out the inputs of those in @known.</summary>
    internal static string LockManySql(IEntityType jobEntity) =>
        $"SELECT {JobRowSql.Columns(jobEntity, c => $"CASE WHEN id = ANY(@known) THEN {JobRowSql.InputsStandIn} ELSE {c} END AS {c}")} " +
        $"FROM {JobRowSql.Table(jobEntity)} WHERE id = ANY(@ids) ORDER BY id FOR NO KEY UPDATE";

    private IEntityType JobEntity => db.Model.FindEntityType(typeof(Job))!;

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
