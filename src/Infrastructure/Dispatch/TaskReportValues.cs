namespace DagMaster.Infrastructure.Dispatch;

/// <summary>What a worker's report carries besides the task id; each statement uses the values it needs.</summary>
internal sealed record TaskReportValues(string? WorkerId = null, TimeSpan? Lease = null, string? ProgressJson = null, string? CheckpointJson = null);
