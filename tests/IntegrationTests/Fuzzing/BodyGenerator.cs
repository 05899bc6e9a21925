using System.Text.Json;
using System.Text.Json.Nodes;

namespace DagMaster.IntegrationTests.Fuzzing;

/// <summary>
/// Builds request bodies from the OpenAPI schemas: a plausible body (known ids and values where a property is
/// named like one), then one mutation of it — a missing, null, mistyped or hostile field, an unknown field, a
/// body of the wrong kind, deep nesting, extreme numbers, malformed or duplicated JSON, or a body over the limit.
/// </summary>
public sealed class BodyGenerator(JsonElement document, Random random, IReadOnlyDictionary<string, JsonNode?> known)
{
    private const int MaxDepth = 6;
    private const string Placeholder = "__hostile__";

    public JsonNode? Plausible(JsonElement schema) => Generate(Resolve(schema), null, 0);

    /// <summary>The body's JSON text after one mutation (sometimes none), and what was done.</summary>
    public (string Text, string Mutation) Mutated(JsonElement schema)
    {
        var body = Plausible(schema);
        var mutation = random.Next(14);
        switch (mutation)
        {
            case 0 or 1 or 2:
                return (ToText(body), "plausible");
            case 3 when body is JsonObject removing && removing.Count > 0:
                removing.Remove(Pick(removing).Key);
                return (ToText(body), "field missing");
            case 4 when body is JsonObject nulling && nulling.Count > 0:
                nulling[Pick(nulling).Key] = null;
                return (ToText(body), "field null");
            case 5 when body is JsonObject retyping && retyping.Count > 0:
                var field = Pick(retyping);
                retyping[field.Key] = field.Value switch
                {
                    JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(12345),
                    JsonValue => JsonValue.Create("not a number"),
                    JsonObject => new JsonArray(1, 2),
                    _ => new JsonObject { ["x"] = 1 },
                };
                return (ToText(body), "field of the wrong type");
            case 6:
                return (WithHostileString(body), "hostile string");
            case 7 when body is JsonObject extending:
                extending["unknown_" + random.Next(100)] = "surprise";
                return (ToText(body), "unknown field");
            case 8:
                return (Pick(["[]", "\"text\"", "0", "null", "true", "{}", "[{}]"]), "wrong kind of body");
            case 9:
                return (WithDeepNesting(body), "deep nesting");
            case 10:
                return (ToText(WithExtremeNumber(body)), "extreme number");
            case 11:
                var text = ToText(body);
                return (text.Length > 2 ? text[..random.Next(1, text.Length - 1)] : "{", "malformed JSON");
            case 12 when body is JsonObject duplicating && duplicating.Count > 0:
                var first = Pick(duplicating);
                return ("{" + $"\"{first.Key}\":1," + ToText(body)[1..], "duplicate key");
            default:
                return (ToText(body), "plausible");
        }
    }

    public JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 10; i++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
            }
            else if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("allOf", out oneOf) || schema.TryGetProperty("anyOf", out oneOf))
            {
                schema = oneOf[0];
            }
            else
            {
                break;
            }
        }

        return schema;
    }

    private JsonNode? Generate(JsonElement schema, string? name, int depth)
    {
        if (name is not null && known.TryGetValue(name, out var value))
        {
            return value?.DeepClone();
        }

        schema = Resolve(schema);
        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "object" when depth < MaxDepth:
                var result = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        result[property.Name] = Generate(property.Value, property.Name, depth + 1);
                    }
                }
                else if (schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
                {
                    result["key_" + random.Next(10)] = Generate(values, null, depth + 1);
                }

                return result;
            case "array" when depth < MaxDepth:
                var items = schema.TryGetProperty("items", out var itemSchema) ? itemSchema : default;
                var array = new JsonArray();
                for (var i = 0; i < 1 + random.Next(2); i++)
                {
                    array.Add(items.ValueKind == JsonValueKind.Undefined ? JsonValue.Create("x") : Generate(items, null, depth + 1));
                }

                return array;
            case "string":
                var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
                return format switch
                {
                    "guid" or "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
                    "date-time" => JsonValue.Create(DateTimeOffset.UtcNow.ToString("O")),
                    _ => JsonValue.Create("fuzz"),
                };
            case "integer":
                return JsonValue.Create(random.Next(0, 5));
            case "number":
                return JsonValue.Create(1.5);
            case "boolean":
                return JsonValue.Create(random.Next(2) == 0);
            default:
                // Free JSON (inputs, outputs, refs): a small object of mixed values.
                return new JsonObject { ["message"] = "hello", ["count"] = 1, ["items"] = new JsonArray("a", "b") };
        }
    }

    /// <summary>A hostile string in one field, escaped by hand: a serializer would refuse or replace an unpaired surrogate.</summary>
    private string WithHostileString(JsonNode? body)
    {
        var hostile = Escaped(Pick(HostileValues.Strings));
        if (body is JsonObject target && target.Count > 0)
        {
            target[Pick(target).Key] = Placeholder;
            return ToText(body).Replace($"\"{Placeholder}\"", hostile, StringComparison.Ordinal);
        }

        return hostile;
    }

    private static string Escaped(string text)
    {
        var escaped = new System.Text.StringBuilder("\"");
        foreach (var c in text)
        {
            escaped.Append(c is '"' or '\\' ? $"\\{c}" : c < 0x20 || c > 0x7e ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return escaped.Append('"').ToString();
    }

    private JsonNode? WithExtremeNumber(JsonNode? body)
    {
        if (body is JsonObject target && target.Count > 0)
        {
            var key = Pick(target).Key;
            target[key] = Pick([JsonValue.Create(1e308), JsonValue.Create(long.MinValue), JsonValue.Create(-1), JsonValue.Create(decimal.MaxValue)]);
        }

        return body;
    }

    private string WithDeepNesting(JsonNode? body)
    {
        var nested = string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200));
        return body is JsonObject target && target.Count > 0
            ? ToText(body).Replace($"\"{Pick(target).Key}\":", $"\"nested_{random.Next(10)}\":{nested},\"{Pick(target).Key}\":", StringComparison.Ordinal)
            : nested;
    }

    private KeyValuePair<string, JsonNode?> Pick(JsonObject target) => target.ElementAt(random.Next(target.Count));

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];

    private static string ToText(JsonNode? node) => node?.ToJsonString() ?? "null";
}
