using System.Text.Json;
using System.Text.Json.Nodes;
using DagMaster.Application.Jobs.ReportTaskStatus;

namespace DagMaster.Infrastructure.Dispatch.ServiceBus;

/// <summary>
/// Reads a worker's report from the results queue: DagMaster's result (<c>{task_id, status, output | error{message,
/// type, retryable}, duration_ms, worker_id}</c>) or the original callback body (<c>error_message</c>,
/// <c>execution_duration_ms</c>, <c>progress_*</c>). Unknown fields are ignored, as a queue consumer should.
/// </summary>
internal static class ResultMessageReader
{
    /// <summary>The report, or null with <paramref name="problem"/> saying why the message is unusable.</summary>
    public static TaskStatusReport? Read(BinaryData body, out string? problem)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body.ToMemory(), new JsonDocumentOptions { MaxDepth = 64 });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            problem = $"the body is not JSON: {ex.Message}";
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "the body is not a JSON object";
            return null;
        }

        var taskId = Text(root, "task_id");
        var status = Text(root, "status");
        if (string.IsNullOrWhiteSpace(taskId) || string.IsNullOrWhiteSpace(status))
        {
            problem = "'task_id' and 'status' are required";
            return null;
        }

        string? errorMessage = Text(root, "error_message");
        string? errorType = null;
        var retryable = true;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            errorMessage = Text(error, "message") ?? errorMessage;
            errorType = Text(error, "type");
            retryable = !error.TryGetProperty("retryable", out var r) || r.ValueKind != JsonValueKind.False;
        }

        JsonElement? output = root.TryGetProperty("output", out var o) && o.ValueKind != JsonValueKind.Null ? o : null;
        problem = null;
        return new TaskStatusReport(
            taskId, status, output, errorMessage, errorType, retryable,
            Number(root, "duration_ms") ?? Number(root, "execution_duration_ms"),
            Text(root, "worker_id"),
            Progress(root));
    }

    /// <summary>The original's <c>progress_*</c> fields as DagMaster's progress <c>{current, total, message}</c>.</summary>
    public static string? Progress(JsonElement root)
    {
        var current = Number(root, "progress_current");
        var total = Number(root, "progress_total");
        var message = Text(root, "progress_message");
        if (current is null && total is null && message is null)
        {
            return null;
        }

        return new JsonObject { ["current"] = current, ["total"] = total, ["message"] = message }.ToJsonString();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
}
