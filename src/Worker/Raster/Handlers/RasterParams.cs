using System.Text.Json;
using System.Text.Json.Nodes;
using DagMaster.Worker.Handlers;

namespace DagMaster.Worker.Raster.Handlers;

/// <summary>
/// Readers for the raster handlers' params. Rendered templates give native values for whole expressions, but a value may
/// also arrive as JSON text (from another engine or a hand-written message), so objects and arrays are read from either.
/// </summary>
internal static class RasterParams
{
    public static string Required(JsonObject parameters, string name) =>
        Optional(parameters, name) ?? throw TaskFailedException.InvalidParams($"'{name}' is required.");

    public static string? Optional(JsonObject parameters, string name) => HandlerParams.GetString(parameters, name)?.Trim();

    public static JsonObject Object(JsonObject parameters, string name) =>
        Parse(parameters, name) switch
        {
            JsonObject value => value,
            null => throw TaskFailedException.InvalidParams($"'{name}' is required."),
            var other => throw TaskFailedException.InvalidParams($"'{name}' must be an object, not {other.GetValueKind()}."),
        };

    public static JsonArray? Array(JsonObject parameters, string name) =>
        Parse(parameters, name) switch
        {
            JsonArray value => value,
            null => null,
            var other => throw TaskFailedException.InvalidParams($"'{name}' must be a list, not {other.GetValueKind()}."),
        };

    /// <summary>A [minx, miny, maxx, maxy] box, or null when absent.</summary>
    public static double[]? Bounds(JsonObject parameters, string name)
    {
        var array = Array(parameters, name);
        if (array is null)
        {
            return null;
        }

        return array.Count == 4 && array.All(v => v?.GetValueKind() == JsonValueKind.Number)
            ? [.. array.Select(v => v!.GetValue<double>())]
            : throw TaskFailedException.InvalidParams($"'{name}' must be [minx, miny, maxx, maxy], not {array.ToJsonString()}.");
    }

    public static bool Flag(JsonObject parameters, string name) => HandlerParams.GetBoolean(parameters, name, false);

    public static int Integer(JsonObject parameters, string name, int fallback) => HandlerParams.GetInteger(parameters, name, fallback);

    private static JsonNode? Parse(JsonObject parameters, string name)
    {
        var node = parameters[name];
        if (node is null || node.GetValueKind() == JsonValueKind.Null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            return node.DeepClone();
        }

        var text = node.GetValue<string>().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw TaskFailedException.InvalidParams($"'{name}' must be JSON, not '{text}'.");
        }
    }
}
