using System.Text.Json;
using System.Text.Json.Nodes;

namespace DagMaster.Worker.Client;

/// <summary>Reads the body of a Service Bus task message: DagMaster's task JSON, or the original system's superset of it.</summary>
public static class ServiceBusTaskMessages
{
    /// <summary>
    /// Parses <paramref name="body"/>. A missing <c>queue</c> becomes <paramref name="queue"/>; without <c>checkpoint</c>,
    /// the original <c>checkpoint_phase</c>/<c>checkpoint_data</c> become the checkpoint; without <c>attempt</c>,
    /// <c>retry_count + 1</c> is the attempt. Throws <see cref="InvalidTaskMessageException"/> naming the problem.
    /// </summary>
    public static TaskMessage Parse(ReadOnlySpan<byte> body, string queue)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject ?? throw new InvalidTaskMessageException("The body is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidTaskMessageException($"The body is not JSON: {ex.Message}", ex);
        }

        foreach (var required in (string[])["task_id", "handler"])
        {
            if (json[required] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetValue<string>()))
            {
                throw new InvalidTaskMessageException($"The task message has no {required} (a non-empty string is required).");
            }
        }

        TaskMessage message;
        try
        {
            message = json.Deserialize<TaskMessage>(WorkerJson.Options) ?? throw new InvalidTaskMessageException("The body is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidTaskMessageException($"The task message has a field of the wrong type: {ex.Message}", ex);
        }

        return message with
        {
            Queue = string.IsNullOrEmpty(message.Queue) ? queue : message.Queue,
            Attempt = json.ContainsKey("attempt") ? message.Attempt : (message.RetryCount ?? 0) + 1,
            Checkpoint = message.Checkpoint ?? OriginalCheckpoint(message),
        };
    }

    private static TaskCheckpoint? OriginalCheckpoint(TaskMessage message)
    {
        if (message.CheckpointPhase is null && message.CheckpointData is null)
        {
            return null;
        }

        var data = message.CheckpointData;
        var phase = message.CheckpointPhase ?? (data?["phase_name"] is JsonValue name && name.GetValueKind() == JsonValueKind.String ? name.GetValue<string>() : null);
        return new TaskCheckpoint(phase, data?["state_data"]?.DeepClone() ?? data?.DeepClone());
    }
}
