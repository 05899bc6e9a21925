using System.Globalization;
using System.Text.Json;
using DagMaster.Domain.Jobs;

namespace DagMaster.Infrastructure.Dispatch.ServiceBus;

/// <summary>
/// The task message a Service Bus worker receives: the HTTP claim's task message (workers.md) plus the original
/// system's fields (<c>dispatched_at</c>, <c>retry_count</c>, and <c>checkpoint_phase</c>/<c>checkpoint_data</c> when
/// a checkpoint exists), so the original workers read it unchanged.
/// </summary>
internal static class TaskMessageBody
{
    public static string Write(TaskDispatch task, string queue, DateTimeOffset dispatchedAt, string? traceParent = null) =>
        TaskMessage.Write(task, queue, traceParent, json =>
        {
            json.WriteString("dispatched_at", dispatchedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
            json.WriteNumber("retry_count", Math.Max(0, task.Attempt - 1));
            if (task.CheckpointJson is { Length: > 0 } checkpointJson)
            {
                WriteOriginalCheckpoint(json, checkpointJson);
            }
        });

    /// <summary>The original's <c>checkpoint_phase</c> and <c>checkpoint_data</c>, from the stored checkpoint <c>{phase, state, …}</c>.</summary>
    private static void WriteOriginalCheckpoint(Utf8JsonWriter json, string checkpointJson)
    {
        using var document = JsonDocument.Parse(checkpointJson);
        var checkpoint = document.RootElement;
        if (checkpoint.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var phase = checkpoint.TryGetProperty("phase", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        WriteNullable(json, "checkpoint_phase", phase);
        json.WriteStartObject("checkpoint_data");
        CopyOrNull(json, checkpoint, "checkpoint_id", "checkpoint_id");
        WriteNullable(json, "phase_name", phase);
        CopyOrNull(json, checkpoint, "phase_index", "phase_index");
        CopyOrNull(json, checkpoint, "total_phases", "total_phases");
        CopyOrNull(json, checkpoint, "progress_current", "progress_current");
        CopyOrNull(json, checkpoint, "progress_total", "progress_total");
        CopyOrNull(json, checkpoint, "state", "state_data");
        if (checkpoint.TryGetProperty("artifacts_completed", out var artifacts))
        {
            json.WritePropertyName("artifacts_completed");
            artifacts.WriteTo(json);
        }
        else
        {
            json.WriteStartArray("artifacts_completed");
            json.WriteEndArray();
        }

        json.WriteNumber("error_count", checkpoint.TryGetProperty("error_count", out var errors) && errors.TryGetInt32(out var count) ? count : 0);
        json.WriteEndObject();
    }

    private static void CopyOrNull(Utf8JsonWriter json, JsonElement from, string name, string asName)
    {
        json.WritePropertyName(asName);
        if (from.TryGetProperty(name, out var value))
        {
            value.WriteTo(json);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
