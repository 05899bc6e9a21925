namespace DagMaster.Application.Jobs.ReportTaskStatus;

/// <summary>
/// A <c>received</c> or <c>running</c> report (<see cref="TaskStatusReport"/>): the worker that got the task from a
/// broker started it, and may have told its progress. Results go through the group commit instead.
/// </summary>
public sealed record StartTaskCommand(string TaskId, string? WorkerId, string? ProgressJson) : ICommand<HeartbeatResult>;
