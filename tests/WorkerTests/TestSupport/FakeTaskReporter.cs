using System.Text.Json.Nodes;
using DagMaster.Worker;

namespace DagMaster.WorkerTests.TestSupport;

/// <summary>Records what a handler reports, for handler tests without a host.</summary>
internal sealed class FakeTaskReporter : ITaskReporter
{
    private readonly Lock _gate = new();
    private readonly List<TaskProgress> _progress = [];
    private readonly List<SavedCheckpoint> _checkpoints = [];

    /// <summary>Runs after each recorded checkpoint (e.g. to cancel the handler part-way).</summary>
    public Action<SavedCheckpoint>? OnCheckpoint { get; set; }

    public IReadOnlyList<TaskProgress> Progress
    {
        get
        {
            lock (_gate)
            {
                return [.. _progress];
            }
        }
    }

    public IReadOnlyList<SavedCheckpoint> Checkpoints
    {
        get
        {
            lock (_gate)
            {
                return [.. _checkpoints];
            }
        }
    }

    public Task ReportProgressAsync(TaskProgress progress, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _progress.Add(progress);
        }

        return Task.CompletedTask;
    }

    public Task SaveCheckpointAsync(string phase, JsonNode? state, CancellationToken cancellationToken)
    {
        var checkpoint = new SavedCheckpoint(phase, state?.DeepClone());
        lock (_gate)
        {
            _checkpoints.Add(checkpoint);
        }

        OnCheckpoint?.Invoke(checkpoint);
        return Task.CompletedTask;
    }
}
