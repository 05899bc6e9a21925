using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DagMaster.Application.Abstractions;
using DagMaster.Application.Common.Telemetry;
using DagMaster.Domain.Jobs;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure.Dispatch.Postgres;

/// <summary>Starts a handed task's node for <c>worker</c>, in the tracked job; false when the attempt is not current.</summary>
internal delegate bool StartHandedTask(QueuedTask task, string worker, DateTimeOffset leaseExpiresAt, DateTimeOffset now);

/// <summary>
/// One unit of work's hand-offs: the tasks it enqueues that claims of this process are waiting for. Such a task is
/// inserted already claimed for the waiting worker and its node written as started (by the job, before the rows are
/// written), in the unit of work's own transaction, and the claim answers with it right after the commit, without a
/// wake-up or a claim statement of its own. If the unit of work does not commit, the claims are given nothing and
/// claim again.
/// </summary>
internal sealed class TaskHandOff(WaitingClaims waiting, IOptions<QueueOptions> options, TimeProvider clock)
{
    private readonly List<(WaitingClaim Claim, List<ClaimedTask> Tasks)> _handed = [];

    /// <summary>
    /// Reserves waiting claims for the tasks that are due now; <paramref name="start"/> starts a task's node for the
    /// claim's worker (false: the attempt is no longer current, and the task stays queued).
    /// </summary>
    public void Take(IReadOnlyList<QueuedTask> tasks, IReadOnlyList<TaskDispatch> dispatches, StartHandedTask start)
    {
        if (waiting.IsEmpty)
        {
            return;
        }

        var now = ToMicroseconds(clock.GetUtcNow());
        var leaseExpiresAt = now + options.Value.Lease;
        HashSet<(string Queue, string Handler)>? unwanted = null;
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            if (task.AvailableAt > now || unwanted?.Contains((task.Queue, task.Handler)) == true)
            {
                continue;
            }

            var claimTasks = ClaimWithRoomFor(task) ?? (waiting.Take(task.Queue, task.Handler) is { } claim ? Reserve(claim) : null);
            if (claimTasks is null)
            {
                (unwanted ??= []).Add((task.Queue, task.Handler));
                continue;
            }

            var (worker, taken) = claimTasks.Value;
            if (!start(task, worker, leaseExpiresAt, now))
            {
                continue;
            }

            task.ClaimedBy = worker;
            task.ClaimedAt = now;
            task.LeaseExpiresAt = leaseExpiresAt;
            taken.Add(new ClaimedTask(task.TaskId, Message(task, dispatches[i], leaseExpiresAt), leaseExpiresAt));
        }
    }

    public void Committed()
    {
        foreach (var (claim, tasks) in _handed)
        {
            DagMasterTelemetry.TasksClaimed(tasks.Select(_ => 0d));
            claim.Hand(tasks);
        }

        _handed.Clear();
    }

    /// <summary>Nothing was committed: the reserved claims are given nothing and claim again.</summary>
    public void Abandon()
    {
        foreach (var (claim, _) in _handed)
        {
            claim.Hand([]);
        }

        _handed.Clear();
    }

    private (string Worker, List<ClaimedTask> Tasks)? ClaimWithRoomFor(QueuedTask task)
    {
        foreach (var (claim, tasks) in _handed)
        {
            if (tasks.Count < claim.Request.MaxTasks && claim.Accepts(task.Queue, task.Handler))
            {
                return (claim.Request.WorkerId, tasks);
            }
        }

        return null;
    }

    private (string Worker, List<ClaimedTask> Tasks) Reserve(WaitingClaim claim)
    {
        var tasks = new List<ClaimedTask>();
        _handed.Add((claim, tasks));
        return (claim.Request.WorkerId, tasks);
    }

    /// <summary>The task message of the worker protocol, as a claim builds it from the queue row, node and job.</summary>
    private static string Message(QueuedTask task, TaskDispatch dispatch, DateTimeOffset leaseExpiresAt)
    {
        var buffer = new ArrayBufferWriter<byte>(512 + dispatch.ParamsJson.Length);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("task_id", task.TaskId);
            json.WriteString("job_id", task.JobId);
            json.WriteString("node_id", task.NodeId);
            json.WriteString("handler", task.Handler);
            json.WriteString("queue", task.Queue);
            json.WritePropertyName("params");
            json.WriteRawValue(string.IsNullOrEmpty(dispatch.ParamsJson) ? "{}" : dispatch.ParamsJson, skipInputValidation: true);
            json.WriteNumber("attempt", task.Attempt);
            json.WriteNumber("max_attempts", task.MaxAttempts);
            json.WriteNumber("timeout_seconds", task.TimeoutSeconds);
            json.WriteString("correlation_id", dispatch.CorrelationId);
            json.WriteString("workflow_id", dispatch.WorkflowId);
            json.WriteNumber("workflow_version", dispatch.WorkflowVersion);
            json.WritePropertyName("checkpoint");
            if (dispatch.CheckpointJson is { } checkpoint)
            {
                json.WriteRawValue(checkpoint, skipInputValidation: true);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteString("lease_expires_at", leaseExpiresAt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture));
            json.WriteString("traceparent", task.TraceParent);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>What PostgreSQL stores of a timestamp, so the message and the row agree.</summary>
    private static DateTimeOffset ToMicroseconds(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % 10, TimeSpan.Zero);
}
