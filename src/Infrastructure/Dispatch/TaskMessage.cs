using System.Buffers;
using System.Text.Json;
using DagMaster.Domain.Jobs;

namespace DagMaster.Infrastructure.Dispatch;

/// <summary>
/// The task message of the worker protocol (workers.md) written from a dispatch: the fields every transport delivers.
/// A transport adds its own fields (the <c>more</c> callback) before the object closes.
/// </summary>
internal static class TaskMessage
{
    public static string Write(TaskDispatch task, string queue, string? traceParent, Action<Utf8JsonWriter> more)
    {
        var buffer = new ArrayBufferWriter<byte>(512 + task.ParamsJson.Length + (task.CheckpointJson?.Length ?? 0));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("task_id", task.TaskId);
            json.WriteString("job_id", task.JobId.Value);
            json.WriteString("node_id", task.NodeId);
            json.WriteString("handler", task.Handler);
            json.WriteString("queue", queue);
            json.WritePropertyName("params");
            json.WriteRawValue(string.IsNullOrEmpty(task.ParamsJson) ? "{}" : task.ParamsJson, skipInputValidation: true);
            json.WriteNumber("attempt", task.Attempt);
            json.WriteNumber("max_attempts", task.MaxAttempts);
            json.WriteNumber("timeout_seconds", task.TimeoutSeconds);
            json.WriteString("correlation_id", task.CorrelationId);
            json.WriteString("workflow_id", task.WorkflowId);
            json.WriteNumber("workflow_version", task.WorkflowVersion);
            json.WriteString("traceparent", traceParent);
            json.WritePropertyName("checkpoint");
            if (task.CheckpointJson is { Length: > 0 } checkpoint)
            {
                json.WriteRawValue(checkpoint, skipInputValidation: true);
            }
            else
            {
                json.WriteNullValue();
            }

            more(json);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
