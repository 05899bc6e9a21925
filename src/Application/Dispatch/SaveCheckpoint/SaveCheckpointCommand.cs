namespace DagMaster.Application.Dispatch.SaveCheckpoint;

/// <summary>Keeps a worker's checkpoint; the node's next attempt receives the latest one.</summary>
public sealed record SaveCheckpointCommand(string TaskId, string CheckpointJson, string? ProgressJson) : ICommand<HeartbeatResult>;
