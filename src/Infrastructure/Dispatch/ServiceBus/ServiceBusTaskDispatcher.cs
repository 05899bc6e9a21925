using DagMaster.Application.Abstractions;
using DagMaster.Application.Common.Telemetry;
using DagMaster.Domain.Jobs;
using DagMaster.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using static DagMaster.Infrastructure.Persistence.BatchStatements;

namespace DagMaster.Infrastructure.Dispatch.ServiceBus;

/// <summary>
/// The transactional outbox's writing side: each dispatched attempt becomes an outbox row in the job's own
/// transaction, and the relay is woken once that commits. Withdrawn jobs' rows are deleted in the same way, so a task
/// not yet sent when its job ended is never sent.
/// </summary>
internal sealed class ServiceBusTaskDispatcher(OutboxRelay relay, IOptions<ServiceBusSettings> settings, TimeProvider clock, IServiceProvider services)
    : ITaskDispatcher, IUnitOfWorkParticipant
{
    private readonly List<OutboxMessage> _messages = [];
    private readonly List<string> _finished = [];
    private readonly List<Guid> _withdrawnJobs = [];
    private bool _wake;

    public void Dispatch(IEnumerable<TaskDispatch> dispatches)
    {
        var now = clock.GetUtcNow();
        foreach (var task in dispatches)
        {
            var queue = task.Queue == Job.DefaultQueue ? settings.Value.DefaultQueue : task.Queue;
            var traceParent = DagMasterTelemetry.TaskDispatched(task);
            _messages.Add(new OutboxMessage
            {
                TaskId = task.TaskId,
                JobId = task.JobId.Value,
                NodeId = task.NodeId,
                Queue = queue,
                Handler = task.Handler,
                Attempt = task.Attempt,
                TimeoutSeconds = task.TimeoutSeconds,
                CorrelationId = task.CorrelationId,
                Body = TaskMessageBody.Write(task, queue, now, traceParent),
                TraceParent = traceParent,
                CreatedAt = now,
            });
        }
    }

    public void Finish(IEnumerable<string> taskIds) => _finished.AddRange(taskIds);

    public void WithdrawJob(JobId jobId)
    {
        _messages.RemoveAll(m => m.JobId == jobId.Value);
        _withdrawnJobs.Add(jobId.Value);
    }

    public async Task<AttemptExpiry> CheckExpiryAsync(string taskId, CancellationToken cancellationToken) =>
        (AttemptExpiry)((int?)await services.GetRequiredService<DagMasterDbContext>()
            .ScalarAsync(OutboxSql.CheckExpiry, [new NpgsqlParameter("task", taskId)], cancellationToken) ?? 0);

    public void Reset()
    {
        _messages.Clear();
        _finished.Clear();
        _withdrawnJobs.Clear();
        _wake = false;
    }

    public void AddTo(NpgsqlBatch batch)
    {
        if (_finished.Count > 0)
        {
            batch.BatchCommands.Add(Command("DELETE FROM dagmaster.task_outbox WHERE task_id = ANY(@task_ids)",
                Array("task_ids", NpgsqlDbType.Text, _finished.Distinct(StringComparer.Ordinal))));
        }

        if (_withdrawnJobs.Count > 0)
        {
            // Sent or not: an ended job's messages are left to expire, and its unsent ones are never sent.
            batch.BatchCommands.Add(Command("DELETE FROM dagmaster.task_outbox WHERE job_id = ANY(@job_ids)",
                Array("job_ids", NpgsqlDbType.Uuid, _withdrawnJobs.Distinct())));
        }

        if (_messages.Count > 0)
        {
            batch.BatchCommands.Add(Command(OutboxSql.Insert,
                Array("task_ids", NpgsqlDbType.Text, _messages.Select(m => m.TaskId)),
                Array("job_ids", NpgsqlDbType.Uuid, _messages.Select(m => m.JobId)),
                Array("node_ids", NpgsqlDbType.Text, _messages.Select(m => m.NodeId)),
                Array("queues", NpgsqlDbType.Text, _messages.Select(m => m.Queue)),
                Array("handlers", NpgsqlDbType.Text, _messages.Select(m => m.Handler)),
                Array("attempts", NpgsqlDbType.Integer, _messages.Select(m => m.Attempt)),
                Array("timeouts", NpgsqlDbType.Integer, _messages.Select(m => m.TimeoutSeconds)),
                Array("correlation_ids", NpgsqlDbType.Text, _messages.Select(m => m.CorrelationId)),
                Array("bodies", NpgsqlDbType.Text, _messages.Select(m => m.Body)),
                Array("trace_parents", NpgsqlDbType.Text, _messages.Select(m => m.TraceParent)),
                Array("created_at", NpgsqlDbType.TimestampTz, _messages.Select(m => m.CreatedAt))));
            _wake = true;
        }

        _messages.Clear();
        _finished.Clear();
        _withdrawnJobs.Clear();
    }

    public void Committed()
    {
        if (_wake)
        {
            _wake = false;
            relay.Wake();
        }
    }

    public void Prepare(IReadOnlyCollection<Job> jobs)
    {
        // Service Bus delivers every task itself; nothing is handed over here.
    }

    public void Abandoned() => _wake = false;
}
