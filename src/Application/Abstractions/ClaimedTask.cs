namespace DagMaster.Application.Abstractions;

/// <summary>A claimed task: the task message JSON (workers.md) and its lease.</summary>
public sealed record ClaimedTask(string TaskId, string PayloadJson, DateTimeOffset LeaseExpiresAt);
