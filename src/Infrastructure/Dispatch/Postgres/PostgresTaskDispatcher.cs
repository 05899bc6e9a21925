using DagMaster.Application.Abstractions;
using DagMaster.Application.Common.Telemetry;
using DagMaster.Domain.Jobs;
using DagMaster.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using static DagMaster.Infrastructure.Persistence.BatchStatements;

namespace DagMaster.Infrastructure.Dispatch.Postgres;

/// <summary>
/// The PostgreSQL queue's side of a unit of work: the queue rows it adds and deletes travel in the commit's batch.
/// A task that a claim of this process is waiting for is handed to it: written already claimed and given to the
/// claim after the commit (<see cref="TaskHandOff"/>). For the other tasks, waiting claims of this process are woken
/// after the commit, and other instances' by a NOTIFY (<see cref="TaskNotifier"/>).
/// </summary>
internal sealed class PostgresTaskDispatcher(
    TaskSignal signal, TaskNotifier notifier, TaskHandOff handOff, TimeProvider clock, IServiceProvider services)
    : ITaskDispatcher, IUnitOfWorkParticipant
{
    private readonly List<QueuedTask> _tasks = [];
    private readonly List<TaskDispatch> _dispatches = [];
    private readonly List<string> _finished = [];
    private readonly List<Guid> _withdrawnJobs = [];
    private readonly List<string> _committedQueues = [];

    public void Dispatch(IEnumerable<TaskDispatch> dispatches)
    {
        var sequence = new Dictionary<Guid, int>();
        foreach (var dispatch in dispatches)
        {
            var jobSequence = sequence.GetValueOrDefault(dispatch.JobId.Value);
            sequence[dispatch.JobId.Value] = jobSequence + 1;
            _tasks.Add(new QueuedTask
            {
                TaskId = dispatch.TaskId,
                JobId = dispatch.JobId.Value,
                NodeId = dispatch.NodeId,
                Queue = dispatch.Queue,
                Handler = dispatch.Handler,
                Priority = dispatch.Priority,
                JobSequence = jobSequence,
                Attempt = dispatch.Attempt,
                TimeoutSeconds = dispatch.TimeoutSeconds,
                MaxAttempts = dispatch.MaxAttempts,
                EnqueuedAt = clock.GetUtcNow(),
                AvailableAt = dispatch.AvailableAt,
                TraceParent = DagMasterTelemetry.TaskDispatched(dispatch),
            });
            _dispatches.Add(dispatch);
        }
    }

    public void Finish(IEnumerable<string> taskIds) => _finished.AddRange(taskIds);

    public void WithdrawJob(JobId jobId)
    {
        _tasks.RemoveAll(t => t.JobId == jobId.Value);
        _dispatches.RemoveAll(d => d.JobId == jobId);
        _withdrawnJobs.Add(jobId.Value);
    }

    public async Task<AttemptExpiry> CheckExpiryAsync(string taskId, CancellationToken cancellationToken) =>
        (AttemptExpiry)((int?)await services.GetRequiredService<DagMasterDbContext>()
            .ScalarAsync(QueueSql.CheckExpiry, [new NpgsqlParameter("task", taskId)], cancellationToken) ?? 0);

    public void Reset()
    {
        _tasks.Clear();
        _dispatches.Clear();
        _finished.Clear();
        _withdrawnJobs.Clear();
        _committedQueues.Clear();
        handOff.Abandon();
    }

    /// <summary>Hands the tasks that claims of this process wait for to them, starting their nodes in the jobs.</summary>
    public void Prepare(IReadOnlyCollection<Job> jobs)
    {
        if (_tasks.Count > 0)
        {
            handOff.Take(_tasks, _dispatches, jobs);
        }
    }

    public void AddTo(NpgsqlBatch batch)
    {
        // Removals before inserts, so a withdrawal never deletes a task enqueued in the same unit of work.
        if (_finished.Count > 0)
        {
            batch.BatchCommands.Add(Command("DELETE FROM dagmaster.task_queue WHERE task_id = ANY(@task_ids)",
                Array("task_ids", NpgsqlDbType.Text, _finished.Distinct(StringComparer.Ordinal))));
        }

        if (_withdrawnJobs.Count > 0)
        {
            batch.BatchCommands.Add(Command("DELETE FROM dagmaster.task_queue WHERE job_id = ANY(@job_ids) AND claimed_by IS NULL",
                Array("job_ids", NpgsqlDbType.Uuid, _withdrawnJobs.Distinct())));
        }

        if (_tasks.Count > 0)
        {
            batch.BatchCommands.Add(Command(QueueSql.Insert,
                Array("task_ids", NpgsqlDbType.Text, _tasks.Select(t => t.TaskId)),
                Array("job_ids", NpgsqlDbType.Uuid, _tasks.Select(t => t.JobId)),
                Array("node_ids", NpgsqlDbType.Text, _tasks.Select(t => t.NodeId)),
                Array("queues", NpgsqlDbType.Text, _tasks.Select(t => t.Queue)),
                Array("handlers", NpgsqlDbType.Text, _tasks.Select(t => t.Handler)),
                Array("priorities", NpgsqlDbType.Integer, _tasks.Select(t => t.Priority)),
                Array("sequences", NpgsqlDbType.Integer, _tasks.Select(t => t.JobSequence)),
                Array("attempts", NpgsqlDbType.Integer, _tasks.Select(t => t.Attempt)),
                Array("timeouts", NpgsqlDbType.Integer, _tasks.Select(t => t.TimeoutSeconds)),
                Array("max_attempts", NpgsqlDbType.Integer, _tasks.Select(t => t.MaxAttempts)),
                Array("enqueued_at", NpgsqlDbType.TimestampTz, _tasks.Select(t => t.EnqueuedAt)),
                Array("available_at", NpgsqlDbType.TimestampTz, _tasks.Select(t => t.AvailableAt)),
                Array("trace_parents", NpgsqlDbType.Text, _tasks.Select(t => t.TraceParent)),
                Array("claimed_by", NpgsqlDbType.Text, _tasks.Select(t => t.ClaimedBy)),
                Array("claimed_at", NpgsqlDbType.TimestampTz, _tasks.Select(t => t.ClaimedAt)),
                Array("lease_expires_at", NpgsqlDbType.TimestampTz, _tasks.Select(t => t.LeaseExpiresAt))));
        }

        _committedQueues.Clear();
        _committedQueues.AddRange(_tasks.Where(t => t.ClaimedBy is null).Select(t => t.Queue).Distinct(StringComparer.Ordinal));
        _tasks.Clear();
        _dispatches.Clear();
        _finished.Clear();
        _withdrawnJobs.Clear();
    }

    /// <summary>
    /// Gives the handed tasks to their claims; for the rest, wakes this process's claims waiting on their queues at
    /// once and other instances' by a NOTIFY.
    /// </summary>
    public void Committed()
    {
        handOff.Committed();
        foreach (var queue in _committedQueues)
        {
            signal.Pulse(queue);
        }

        notifier.Notify(_committedQueues);
        _committedQueues.Clear();
    }

    public void Abandoned()
    {
        handOff.Abandon();
        _committedQueues.Clear();
    }
}
