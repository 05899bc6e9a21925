using System.Text.Json;

namespace DagMaster.ServiceBusTransportTests.Infrastructure;

/// <summary>A task message as the original system's workers read it: only the original fields.</summary>
public sealed record OriginalTask(
    string TaskId,
    string JobId,
    string NodeId,
    string Handler,
    JsonElement Params,
    int TimeoutSeconds,
    string DispatchedAt,
    int RetryCount,
    string? CorrelationId,
    string? CheckpointPhase,
    JsonElement? CheckpointData)
{
    public static OriginalTask Read(JsonElement body) => new(
        body.GetProperty("task_id").GetString()!,
        body.GetProperty("job_id").GetString()!,
        body.GetProperty("node_id").GetString()!,
        body.GetProperty("handler").GetString()!,
        body.GetProperty("params").Clone(),
        body.GetProperty("timeout_seconds").GetInt32(),
        body.GetProperty("dispatched_at").GetString()!,
        body.GetProperty("retry_count").GetInt32(),
        body.GetProperty("correlation_id").ValueKind == JsonValueKind.Null ? null : body.GetProperty("correlation_id").GetString(),
        body.TryGetProperty("checkpoint_phase", out var phase) && phase.ValueKind == JsonValueKind.String ? phase.GetString() : null,
        body.TryGetProperty("checkpoint_data", out var data) && data.ValueKind == JsonValueKind.Object ? data.Clone() : null);
}
