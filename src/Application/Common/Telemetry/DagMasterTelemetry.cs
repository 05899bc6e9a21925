using System.Diagnostics;
using System.Diagnostics.Metrics;
using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Common.Telemetry;

/// <summary>
/// DagMaster's traces and metrics (System.Diagnostics; exported with OpenTelemetry when configured).
/// A job and a task attempt outlive any one request, so their spans are recorded when they end, with
/// their real start times.
/// </summary>
public static class DagMasterTelemetry
{
    public const string Name = "DagMaster";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter s_meter = new(Name);
    private static readonly Counter<long> s_jobsSubmitted = s_meter.CreateCounter<long>("dagmaster.jobs.submitted", description: "Jobs submitted");
    private static readonly Counter<long> s_jobsFinished = s_meter.CreateCounter<long>("dagmaster.jobs.finished", description: "Jobs that reached a terminal status, by status");
    private static readonly Counter<long> s_tasksFinished = s_meter.CreateCounter<long>("dagmaster.tasks.finished", description: "Task attempts finished, by outcome");
    private static readonly Histogram<double> s_taskDuration = s_meter.CreateHistogram<double>("dagmaster.task.duration", "ms", "Task attempt duration from dispatch to result");
    private static readonly Histogram<double> s_dispatchLatency = s_meter.CreateHistogram<double>("dagmaster.dispatch.latency", "ms", "Time from a task's enqueue to its claim by a worker");
    private static readonly Counter<long> s_apiKeyLookups = s_meter.CreateCounter<long>(
        "dagmaster.auth.api_key_lookups", description: "Platform API keys looked up in the database, by result (found, refused, unknown)");
    private static long s_queueDepth;

    static DagMasterTelemetry() =>
        s_meter.CreateObservableGauge("dagmaster.queue.depth", () => Interlocked.Read(ref s_queueDepth), description: "Unclaimed tasks at the last sweep");

    public static void ApiKeyLookedUp(string result) => s_apiKeyLookups.Add(1, new KeyValuePair<string, object?>("result", result));

    public static void JobSubmitted(Job job) =>
        s_jobsSubmitted.Add(1, new KeyValuePair<string, object?>("workflow_id", job.WorkflowId));

    /// <summary>
    /// Records the job's span (its submission, a child of the request that submitted it) and ties the job to it, so the
    /// spans of its tasks, wherever and whenever they run, join the same trace.
    /// </summary>
    public static void TraceJob(Job job)
    {
        // A request span nobody records (no listener for ASP.NET Core's spans) would take the job's span down with it.
        var ambient = Activity.Current;
        if (ambient is { Recorded: false })
        {
            Activity.Current = null;
        }

        var span = Source.StartActivity("job " + job.WorkflowId, ActivityKind.Internal);
        try
        {
            if (span is null)
            {
                return;
            }

            span.SetTag("dagmaster.job_id", job.Id.Value.ToString());
            span.SetTag("dagmaster.workflow_id", job.WorkflowId);
            span.SetTag("dagmaster.workflow_version", job.WorkflowVersion);
            span.SetTag("dagmaster.correlation_id", job.CorrelationId);
            job.TraceAs(span.Id);
        }
        finally
        {
            span?.Dispose();
            Activity.Current = ambient;
        }
    }

    /// <summary>Records a task's dispatch as a child of its job's span; returns the context a worker continues the trace from.</summary>
    public static string? TaskDispatched(TaskDispatch task)
    {
        using var span = Source.StartActivity("task " + task.NodeId, ActivityKind.Producer, ParentOf(task.JobTraceParent));
        if (span is null)
        {
            return null;
        }

        span.SetTag("dagmaster.job_id", task.JobId.Value.ToString());
        span.SetTag("dagmaster.node_id", task.NodeId);
        span.SetTag("dagmaster.task_id", task.TaskId);
        span.SetTag("dagmaster.handler", task.Handler);
        span.SetTag("dagmaster.queue", task.Queue);
        span.SetTag("dagmaster.attempt", task.Attempt);
        return span.Id;
    }

    private static ActivityContext ParentOf(string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var parent) ? parent : default;

    /// <summary>Records the job span and counter if the job ended in this unit of work.</summary>
    public static void JobChanged(Job job, JobStatus before)
    {
        if (before.IsTerminal() || !job.Status.IsTerminal())
        {
            return;
        }

        s_jobsFinished.Add(1, new("status", job.Status.Text()), new("workflow_id", job.WorkflowId));
        using var span = Source.StartActivity("job " + job.WorkflowId + " ended", ActivityKind.Internal, ParentOf(job.TraceParent), startTime: job.CreatedAt);
        if (span is null)
        {
            return;
        }

        span.SetTag("dagmaster.job_id", job.Id.Value.ToString());
        span.SetTag("dagmaster.workflow_id", job.WorkflowId);
        span.SetTag("dagmaster.workflow_version", job.WorkflowVersion);
        span.SetTag("dagmaster.correlation_id", job.CorrelationId);
        span.SetTag("dagmaster.status", job.Status.Text());
        if (job.Status == JobStatus.Failed)
        {
            span.SetStatus(ActivityStatusCode.Error, job.Error);
        }

        span.SetEndTime((job.CompletedAt ?? job.UpdatedAt).UtcDateTime);
    }

    /// <summary>Records the span and duration of a task attempt whose result was applied.</summary>
    public static void TaskFinished(Job job, JobNode node, string taskId, string outcome, DateTimeOffset now)
    {
        s_tasksFinished.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        var started = node.DispatchedAt ?? now;
        s_taskDuration.Record((now - started).TotalMilliseconds, new KeyValuePair<string, object?>("outcome", outcome));
        using var span = Source.StartActivity("task " + node.NodeId + " " + outcome, ActivityKind.Internal, ParentOf(job.TraceParent), startTime: started);
        if (span is null)
        {
            return;
        }

        span.SetTag("dagmaster.job_id", job.Id.Value.ToString());
        span.SetTag("dagmaster.node_id", node.NodeId);
        span.SetTag("dagmaster.task_id", taskId);
        span.SetTag("dagmaster.attempt", node.Attempt);
        span.SetTag("dagmaster.correlation_id", job.CorrelationId);
        span.SetTag("dagmaster.outcome", outcome);
        if (outcome != "completed")
        {
            span.SetStatus(ActivityStatusCode.Error, node.Error);
        }

        span.SetEndTime(now.UtcDateTime);
    }

    public static void TasksClaimed(IEnumerable<double> latenciesMs)
    {
        foreach (var latency in latenciesMs)
        {
            s_dispatchLatency.Record(latency);
        }
    }

    public static void QueueDepthObserved(long depth) => Interlocked.Exchange(ref s_queueDepth, depth);
}
