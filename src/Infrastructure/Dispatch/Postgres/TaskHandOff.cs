using System.Globalization;
using DagMaster.Application.Abstractions;
using DagMaster.Application.Common.Telemetry;
using DagMaster.Domain.Jobs;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure.Dispatch.Postgres;

/// <summary>
/// One unit of work's hand-offs: the tasks it enqueues that claims of this process are waiting for. Such a task is
/// inserted already claimed for the waiting worker and its node written as started (by the job, before the rows are
/// written), in the unit of work's own transaction, and the claim answers with it right after the commit, without a
/// wake-up or a claim statement of its own. If the unit of work does not commit, the claims are given nothing and
/// claim again.
/// </summary>
internal sealed class TaskHandOff(WaitingClaims waiting, IOptions<QueueOptions> options, TimeProvider clock)
{
    private readonly List<Handing> _handed = [];

    /// <summary>
    /// Reserves waiting claims for the tasks that are due now and starts those tasks' nodes in their
    /// <paramref name="jobs"/> for the claims' workers (a task whose attempt is no longer current stays queued).
    /// </summary>
    public void Take(IReadOnlyList<QueuedTask> tasks, IReadOnlyList<TaskDispatch> dispatches, IReadOnlyCollection<Job> jobs)
    {
        if (waiting.IsEmpty)
        {
            return;
        }

        var now = ToMicroseconds(clock.GetUtcNow());
        var leaseExpiresAt = now + options.Value.Lease;
        var jobsById = jobs.ToDictionary(j => j.Id.Value);
        HashSet<(string Queue, string Handler)>? unwanted = null;
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            if (task.AvailableAt > now || unwanted?.Contains((task.Queue, task.Handler)) == true)
            {
                continue;
            }

            var handing = _handed.Find(h => h.HasRoomFor(task)) ?? Reserve(task);
            if (handing is null)
            {
                (unwanted ??= []).Add((task.Queue, task.Handler));
                continue;
            }

            if (jobsById.GetValueOrDefault(task.JobId)?.StartTask(task.TaskId, handing.Worker, leaseExpiresAt, now) != true)
            {
                continue;
            }

            task.ClaimedBy = handing.Worker;
            task.ClaimedAt = now;
            task.LeaseExpiresAt = leaseExpiresAt;
            handing.Tasks.Add(new ClaimedTask(task.TaskId, Message(task, dispatches[i], leaseExpiresAt), leaseExpiresAt));
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

    private Handing? Reserve(QueuedTask task)
    {
        if (waiting.Take(task.Queue, task.Handler) is not { } claim)
        {
            return null;
        }

        var handing = new Handing(claim, []);
        _handed.Add(handing);
        return handing;
    }

    /// <summary>The task message as a claim statement builds it from the queue row, node and job.</summary>
    private static string Message(QueuedTask task, TaskDispatch dispatch, DateTimeOffset leaseExpiresAt) =>
        TaskMessage.Write(dispatch, task.Queue, task.TraceParent, json =>
            json.WriteString("lease_expires_at", leaseExpiresAt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture)));

    /// <summary>What PostgreSQL stores of a timestamp, so the message and the row agree.</summary>
    private static DateTimeOffset ToMicroseconds(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>A reserved claim and the tasks handed to it so far.</summary>
    private sealed record Handing(WaitingClaim Claim, List<ClaimedTask> Tasks)
    {
        public string Worker => Claim.Request.WorkerId;

        public bool HasRoomFor(QueuedTask task) => Tasks.Count < Claim.Request.MaxTasks && Claim.Accepts(task.Queue, task.Handler);
    }
}
