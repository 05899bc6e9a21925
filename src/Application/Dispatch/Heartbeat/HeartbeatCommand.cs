namespace DagMaster.Application.Dispatch.Heartbeat;

/// <summary>A worker still runs the task: extend its lease; <see cref="ProgressJson"/> is <c>{current, total, message}</c>.</summary>
public sealed record HeartbeatCommand(string TaskId, string? ProgressJson) : ICommand<HeartbeatResult>;
