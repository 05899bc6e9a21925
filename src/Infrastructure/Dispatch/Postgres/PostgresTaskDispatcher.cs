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
/// The PostgreSQL queue's side of a unit of work: the queue rows it adds and deletes travel in the commit's batch;
/// after the commit, waiting claims of this process are woken at once and other instances by a NOTIFY
/// (<see cref="TaskNotifier"/>).
/// </summary>
internal sealed class PostgresTaskDispatcher(TaskSignal signal, TaskNotifier notifier, TimeProvider clock, IServiceProvider services)
    : ITaskDispatcher, IUnitOfWorkParticipant
{
    private readonly List<QueuedTask> _tasks = [];
    private readonly List<string> _finished = [];
    private readonly List<Guid> _withdrawnJobs = [];
    private readonly HashSet<string> _queues = new(StringComparer.Ordinal);
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
            _queues.Add(dispatch.Queue);
        }
    }

    public void Finish(IEnumerable<string> taskIds) => _finished.AddRange(taskIds);

    public void WithdrawJob(JobId jobId)
    {
        _tasks.RemoveAll(t => t.JobId == jobId.Value);
        _withdrawnJobs.Add(jobId.Value);
    }

    public async Task<AttemptExpiry> CheckExpiryAsync(string taskId, CancellationToken cancellationToken) =>
        (AttemptExpiry)((int?)await services.GetRequiredService<DagMasterDbContext>()
            .ScalarAsync(QueueSql.CheckExpiry, [new NpgsqlParameter("task", taskId)], cancellationToken) ?? 0);

    public void Reset()
    {
        _tasks.Clear();
        _finished.Clear();
        _withdrawnJobs.Clear();
        _queues.Clear();
        _committedQueues.Clear();
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
                Array("trace_parents", NpgsqlDbType.Text, _tasks.Select(t => t.TraceParent))));
        }

        _committedQueues.Clear();
        _committedQueues.AddRange(_queues);
        _tasks.Clear();
        _finished.Clear();
        _withdrawnJobs.Clear();
        _queues.Clear();
    }

    /// <summary>Wakes this process's claims waiting on the queues at once, and other instances' by a NOTIFY.</summary>
    public void Committed()
    {
        foreach (var queue in _committedQueues)
        {
            signal.Pulse(queue);
        }

        notifier.Notify(_committedQueues);
        _committedQueues.Clear();
    }
}
