namespace DagMaster.WebApi.Contracts;

/// <summary>The original workers' <c>POST /api/v1/callbacks/task-progress</c> body.</summary>
public sealed record OriginalTaskProgressRequest(
    string? TaskId,
    string? JobId,
    string? NodeId,
    long? ProgressCurrent,
    long? ProgressTotal,
    double? ProgressPercent,
    string? ProgressMessage);
