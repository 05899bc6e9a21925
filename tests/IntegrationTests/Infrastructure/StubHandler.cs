using System.Text.Json.Nodes;
using DagMaster.Worker;

namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>A handler whose output a test decides (e.g. the raster handlers, which need GDAL for real).</summary>
public sealed class StubHandler(string name, Func<TaskContext, JsonObject> run) : ITaskHandler
{
    public string Name { get; } = name;

    public Task<JsonObject> HandleAsync(TaskContext context, CancellationToken cancellationToken) => Task.FromResult(run(context));
}
