using System.Text.Json.Nodes;
using DagMaster.Worker.Client;

namespace DagMaster.Worker.Hosting;

/// <summary>
/// Where a transport reports a task's results. A method returns once the result is sent and throws when it could not
/// be (after the transport's own retries); <see cref="TaskOutputRefusedException"/> when the output itself was refused.
/// </summary>
internal interface ITaskResultReporter
{
    Task ReportRunningAsync(TaskMessage message, CancellationToken cancellationToken);

    Task ReportCompletedAsync(TaskMessage message, JsonObject output, long durationMs, CancellationToken cancellationToken);

    Task ReportFailedAsync(TaskMessage message, TaskError error, long durationMs, CancellationToken cancellationToken);
}
