using System.Text.Json.Nodes;
using DagMaster.Worker;

namespace DagMaster.WorkerTests.TestSupport;

/// <summary>A handler made of a lambda, for host tests.</summary>
internal sealed class DelegateHandler(string name, Func<TaskContext, CancellationToken, Task<JsonObject>> handle) : ITaskHandler
{
    public string Name => name;

    public Task<JsonObject> HandleAsync(TaskContext context, CancellationToken cancellationToken) => handle(context, cancellationToken);
}
