using System.Text.Json;

namespace DagMaster.WebApi.Contracts;

/// <summary>The original workers' <c>POST /api/v1/callbacks/task-result</c> body (original-worker-contract.md).</summary>
public sealed record OriginalTaskResultRequest(
    string? TaskId,
    string? JobId,
    string? NodeId,
    string? Status,
    JsonElement? Output,
    string? ErrorMessage,
    string? WorkerId,
    long? ExecutionDurationMs,
    string? ReportedAt,
    string? CheckpointId,
    long? ProgressCurrent,
    long? ProgressTotal,
    double? ProgressPercent,
    string? ProgressMessage);
