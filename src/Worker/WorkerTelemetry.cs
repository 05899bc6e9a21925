using System.Diagnostics;
using DagMaster.Worker.Client;

namespace DagMaster.Worker;

/// <summary>The worker's spans (ActivitySource <c>DagMaster.Worker</c>): one per task run, a child of the task's dispatch span.</summary>
public static class WorkerTelemetry
{
    public const string Name = "DagMaster.Worker";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>Starts the span of one task run, continuing the trace in the task message (none when nobody listens).</summary>
    public static Activity? StartTask(TaskMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parent = ActivityContext.TryParse(message.TraceParent, null, out var context) ? context : default;
        var span = Source.StartActivity("run " + message.Handler, ActivityKind.Consumer, parent);
        span?.SetTag("dagmaster.task_id", message.TaskId);
        span?.SetTag("dagmaster.job_id", message.JobId);
        span?.SetTag("dagmaster.node_id", message.NodeId);
        span?.SetTag("dagmaster.handler", message.Handler);
        span?.SetTag("dagmaster.attempt", message.Attempt);
        return span;
    }
}
