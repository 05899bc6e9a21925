using System.Text.Json;

namespace DagMaster.WebApi.Contracts;

/// <summary>The original workers' <c>POST /api/v1/callbacks/checkpoint</c> body.</summary>
public sealed record OriginalCheckpointRequest(
    string? JobId,
    string? NodeId,
    string? TaskId,
    string? PhaseName,
    int? PhaseIndex,
    int? TotalPhases,
    long? ProgressCurrent,
    long? ProgressTotal,
    string? ProgressMessage,
    JsonElement? StateData,
    JsonElement? ArtifactsCompleted,
    double? MemoryUsageMb,
    double? DiskUsageMb,
    int? ErrorCount,
    bool? IsFinal);
