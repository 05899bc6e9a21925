using System.Text.Json.Nodes;

namespace DagMaster.Worker;

/// <summary>Where a <see cref="TaskContext"/> sends progress and checkpoints (the host, or a fake in tests).</summary>
public interface ITaskReporter
{
    Task ReportProgressAsync(TaskProgress progress, CancellationToken cancellationToken);

    Task SaveCheckpointAsync(string phase, JsonNode? state, CancellationToken cancellationToken);
}
