using System.Text.Json.Nodes;
using DagMaster.Worker.Client;

namespace DagMaster.Worker;

/// <summary>What a handler knows about the task it runs, and how it reports progress and checkpoints.</summary>
public sealed class TaskContext
{
    private readonly ITaskReporter _reporter;

    public TaskContext(TaskMessage message, ITaskReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(reporter);
        Message = message;
        Params = message.Params ?? [];
        _reporter = reporter;
    }

    /// <summary>The task message as DagMaster sent it.</summary>
    public TaskMessage Message { get; }

    public string TaskId => Message.TaskId;

    public string JobId => Message.JobId;

    public string NodeId => Message.NodeId;

    public string Handler => Message.Handler;

    public string Queue => Message.Queue;

    /// <summary>1 for the first attempt.</summary>
    public int Attempt => Message.Attempt;

    public int MaxAttempts => Message.MaxAttempts;

    public string? CorrelationId => Message.CorrelationId;

    public string? WorkflowId => Message.WorkflowId;

    public int? WorkflowVersion => Message.WorkflowVersion;

    public int? TimeoutSeconds => Message.TimeoutSeconds;

    /// <summary>The node's rendered params (an empty object when it has none).</summary>
    public JsonObject Params { get; }

    /// <summary>The latest checkpoint of an earlier attempt, or <c>null</c> when the task starts fresh.</summary>
    public TaskCheckpoint? Checkpoint => Message.Checkpoint;

    /// <summary>The phase of <see cref="Checkpoint"/>, if any.</summary>
    public string? CheckpointPhase => Checkpoint?.Phase;

    /// <summary>The state of <see cref="Checkpoint"/>, if any.</summary>
    public JsonNode? CheckpointState => Checkpoint?.State;

    /// <summary>Records progress; it reaches DagMaster with the next heartbeat (sent early when none went out recently).</summary>
    public Task ReportProgressAsync(long current, long total, string? message = null, CancellationToken cancellationToken = default) =>
        _reporter.ReportProgressAsync(new TaskProgress(current, total, message), cancellationToken);

    /// <summary>
    /// Saves a checkpoint; a later attempt of this task receives the latest one in <see cref="Checkpoint"/>.
    /// When DagMaster answers that this attempt is no longer current, the task's token is cancelled and this throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public Task SaveCheckpointAsync(string phase, JsonNode? state, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phase);
        return _reporter.SaveCheckpointAsync(phase, state, cancellationToken);
    }
}
