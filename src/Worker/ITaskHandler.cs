using System.Text.Json.Nodes;

namespace DagMaster.Worker;

/// <summary>
/// Runs one kind of task. The host picks the handler whose <see cref="Name"/> equals the task's <c>handler</c>.
/// </summary>
/// <remarks>
/// Return the task's output (a JSON object). Throw <see cref="TaskFailedException"/> for a deliberate failure;
/// any other exception is reported as a retryable failure. Honour <c>cancellationToken</c>: it fires when the
/// task times out, when DagMaster cancels it, or when the worker is shutting down.
/// </remarks>
public interface ITaskHandler
{
    string Name { get; }

    Task<JsonObject> HandleAsync(TaskContext context, CancellationToken cancellationToken);
}
