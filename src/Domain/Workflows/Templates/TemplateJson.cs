using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DagMaster.Domain.Workflows.Templates;

/// <summary>Conversions between the template value model and System.Text.Json.</summary>
internal static class TemplateJson
{
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static object? FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = FromElement(property.Value);
                }

                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(FromElement(item));
                }

                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt64(out var integer) ? integer : (object)element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject jsonObject:
                var map = new Dictionary<string, object?>(jsonObject.Count, StringComparer.Ordinal);
                foreach (var (key, value) in jsonObject)
                {
                    map[key] = FromNode(value);
                }

                return map;
            case JsonArray jsonArray:
                var list = new List<object?>(jsonArray.Count);
                foreach (var item in jsonArray)
                {
                    list.Add(FromNode(item));
                }

                return list;
            case JsonValue jsonValue when jsonValue.TryGetValue<JsonElement>(out var element):
                return FromElement(element);
            default:
                return FromScalarNode(node);
        }
    }

    public static JsonNode? ToNode(object? value) => TemplateValues.Normalize(value) switch
    {
        null or UndefinedValue => null,
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        double d => double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(TemplateValues.FormatDouble(d)),
        string s => JsonValue.Create(s),
        IReadOnlyList<object?> list => new JsonArray([.. list.Select(ToNode)]),
        IReadOnlyDictionary<string, object?> map => ToObject(map),
        var other => JsonValue.Create(other.ToString()),
    };

    public static string Serialize(object? value) => new TemplateJsonWriter().Serialize(value);

    /// <summary>A writer for <see cref="TemplateJsonWriter"/>, which reuses it for every value it writes.</summary>
    internal static Utf8JsonWriter NewWriter(IBufferWriter<byte> buffer) => new(buffer, s_writerOptions);

    /// <summary>Writes one value in the template value model; the caller flushes.</summary>
    internal static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (TemplateValues.Normalize(value))
        {
            case null or UndefinedValue:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case double d:
                writer.WriteStringValue(TemplateValues.FormatDouble(d));
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case IReadOnlyList<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case var other:
                writer.WriteStringValue(other.ToString());
                break;
        }
    }

    private static JsonObject ToObject(IReadOnlyDictionary<string, object?> map)
    {
        var jsonObject = new JsonObject();
        foreach (var (key, item) in map)
        {
            jsonObject[key] = ToNode(item);
        }

        return jsonObject;
    }

    private static object? FromScalarNode(JsonNode node)
    {
        // A value node backed by a CLR value: round-trip through its JSON text to get the value model's types.
        using var document = JsonDocument.Parse(node.ToJsonString());
        return FromElement(document.RootElement);
    }
}
