using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DagMaster.Worker.Handlers;

/// <summary>
/// Lenient readers for handler params: rendered templates may turn numbers and booleans into strings, so
/// <c>"0.3"</c> reads as 0.3 and <c>"false"</c> as false. A missing, null or blank value gives the fallback;
/// anything unreadable is a non-retryable <c>invalid_params</c> failure.
/// </summary>
internal static class HandlerParams
{
    public static double GetNumber(JsonObject parameters, string name, double fallback)
    {
        var node = Find(parameters, name);
        if (node is null)
        {
            return fallback;
        }

        var text = node.GetValueKind() switch
        {
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.String => node.GetValue<string>().Trim(),
            _ => null,
        };
        return text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw TaskFailedException.InvalidParams($"'{name}' must be a number, not {node.ToJsonString()}.");
    }

    public static int GetInteger(JsonObject parameters, string name, int fallback)
    {
        var value = GetNumber(parameters, name, fallback);
        return value == Math.Floor(value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw TaskFailedException.InvalidParams($"'{name}' must be a whole number, not {value.ToString(CultureInfo.InvariantCulture)}.");
    }

    public static bool GetBoolean(JsonObject parameters, string name, bool fallback)
    {
        var node = Find(parameters, name);
        if (node is null)
        {
            return fallback;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(node.GetValue<string>().Trim(), out var value) => value,
            _ => throw TaskFailedException.InvalidParams($"'{name}' must be true or false, not {node.ToJsonString()}."),
        };
    }

    /// <summary>The value as text (JSON text for non-strings); null when missing, null or blank.</summary>
    public static string? GetString(JsonObject parameters, string name)
    {
        var node = Find(parameters, name);
        return node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node?.ToJsonString();
    }

    private static JsonNode? Find(JsonObject parameters, string name)
    {
        var node = parameters[name];
        return node is null || (node.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(node.GetValue<string>()))
            ? null
            : node;
    }
}
