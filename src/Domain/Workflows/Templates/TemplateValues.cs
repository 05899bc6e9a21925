using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DagMaster.Domain.Workflows.Templates;

/// <summary>
/// The template value model: <c>null</c>, <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="string"/>, <see cref="IReadOnlyList{T}"/> of values and <see cref="IReadOnlyDictionary{TKey,TValue}"/>
/// from string to values, plus the <see cref="Undefined"/> sentinel for a path that does not exist.
/// </summary>
public static class TemplateValues
{
    /// <summary>The value of a path that does not exist. Never returned from <see cref="Template.Render"/>.</summary>
    public static readonly object Undefined = new UndefinedValue(null);

    public static bool IsUndefined(object? value) => value is UndefinedValue;

    /// <summary>
    /// Brings a caller's value into the value model: other integral types become <see cref="long"/>,
    /// <see cref="float"/> and <see cref="decimal"/> become <see cref="double"/>, JSON elements and nodes are
    /// converted, other dictionaries and sequences are copied one level deep (their elements are normalised when read).
    /// </summary>
    public static object? Normalize(object? value) => value switch
    {
        null or bool or long or double or string => value,
        IReadOnlyDictionary<string, object?> or IReadOnlyList<object?> or UndefinedValue => value,
        int i => (long)i,
        short s => (long)s,
        sbyte sb => (long)sb,
        byte b => (long)b,
        ushort us => (long)us,
        uint ui => (long)ui,
        ulong ul => ul <= long.MaxValue ? (long)ul : (object)(double)ul,
        float f => (double)f,
        decimal m => (double)m,
        char c => c.ToString(),
        JsonElement element => FromJson(element),
        JsonNode node => FromJsonNode(node),
        Enum e => e.ToString(),
        DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture),
        IDictionary dictionary => CopyDictionary(dictionary),
        IEnumerable sequence => CopySequence(sequence),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// Normalises a value and everything inside it, copying only the lists and maps that hold something to
    /// normalise (an already normalised value is returned as is). Undefined inside a container becomes null.
    /// </summary>
    internal static object? NormalizeDeep(object? value)
    {
        switch (Normalize(value))
        {
            case IReadOnlyList<object?> list:
                List<object?>? listCopy = null;
                for (var i = 0; i < list.Count; i++)
                {
                    var item = list[i];
                    var normalized = NormalizeDeep(item);
                    if (listCopy is null && !ReferenceEquals(normalized, item))
                    {
                        listCopy = new List<object?>(list.Count);
                        listCopy.AddRange(list.Take(i));
                    }

                    listCopy?.Add(normalized);
                }

                return listCopy ?? list;
            case IReadOnlyDictionary<string, object?> map:
                Dictionary<string, object?>? mapCopy = null;
                var index = 0;
                foreach (var (key, item) in map)
                {
                    var normalized = NormalizeDeep(item);
                    if (mapCopy is null && !ReferenceEquals(normalized, item))
                    {
                        mapCopy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
                        foreach (var (earlierKey, earlierItem) in map.Take(index))
                        {
                            mapCopy[earlierKey] = earlierItem;
                        }
                    }

                    if (mapCopy is not null)
                    {
                        mapCopy[key] = normalized;
                    }

                    index++;
                }

                return mapCopy ?? map;
            case UndefinedValue:
                return null;
            case var other:
                return other;
        }
    }

    /// <summary>Converts JSON: integral numbers that fit become <see cref="long"/>, other numbers <see cref="double"/>.</summary>
    public static object? FromJson(JsonElement element) => TemplateJson.FromElement(element);

    public static object? FromJsonNode(JsonNode? node) => TemplateJson.FromNode(node);

    /// <summary>Converts a value to a JSON node; undefined becomes null, non-finite numbers become strings.</summary>
    public static JsonNode? ToJsonNode(object? value) => TemplateJson.ToNode(value);

    /// <summary>Compact JSON text of a value (<c>[1,2]</c>, <c>{"a":true}</c>).</summary>
    public static string ToJson(object? value) => TemplateJson.Serialize(value);

    /// <summary>Null, undefined, false, 0, 0.0, "" and empty lists and maps are false; everything else is true.</summary>
    public static bool IsTruthy(object? value) => Normalize(value) switch
    {
        null or UndefinedValue => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0.0,
        string s => s.Length > 0,
        IReadOnlyList<object?> list => list.Count > 0,
        IReadOnlyDictionary<string, object?> map => map.Count > 0,
        _ => true,
    };

    /// <summary>
    /// Formats a value for mixed text: strings raw, null (and undefined) empty, <c>true</c>/<c>false</c>,
    /// numbers in invariant culture (doubles in shortest round-trip form), lists and maps as compact JSON.
    /// </summary>
    public static string ToText(object? value) => Normalize(value) switch
    {
        null or UndefinedValue => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        var other => ToJson(other),
    };

    internal static string FormatDouble(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The type name used in error messages.</summary>
    internal static string TypeName(object? value) => Normalize(value) switch
    {
        null => "null",
        UndefinedValue => "undefined",
        bool => "boolean",
        long => "integer",
        double => "float",
        string => "string",
        IReadOnlyList<object?> => "list",
        IReadOnlyDictionary<string, object?> => "map",
        var other => other.GetType().Name,
    };

    /// <summary>A short description of a value for error messages, e.g. <c>string "50"</c>.</summary>
    internal static string Describe(object? value)
    {
        value = Normalize(value);
        if (value is null or UndefinedValue)
        {
            return TypeName(value);
        }

        var json = TemplateJson.Serialize(value);
        if (json.Length > 40)
        {
            json = string.Concat(json.AsSpan(0, 37), "...");
        }

        return $"{TypeName(value)} {json}";
    }

    /// <summary>Map key lookup; anything else (missing key, not a map) is undefined.</summary>
    internal static object? GetMember(object? target, string key) =>
        target is IReadOnlyDictionary<string, object?> map && map.TryGetValue(key, out var value)
            ? Normalize(value)
            : Undefined;

    /// <summary>List index (negative counts from the end); anything else is undefined.</summary>
    internal static object? GetIndex(object? target, long index)
    {
        if (target is not IReadOnlyList<object?> list)
        {
            return Undefined;
        }

        if (index < 0)
        {
            index += list.Count;
        }

        return index >= 0 && index < list.Count ? Normalize(list[(int)index]) : Undefined;
    }

    private static Dictionary<string, object?> CopyDictionary(IDictionary dictionary)
    {
        var copy = new Dictionary<string, object?>(dictionary.Count, StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            var key = entry.Key as string ?? Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
            copy[key] = Normalize(entry.Value);
        }

        return copy;
    }

    private static List<object?> CopySequence(IEnumerable sequence)
    {
        var copy = new List<object?>();
        foreach (var item in sequence)
        {
            copy.Add(Normalize(item));
        }

        return copy;
    }
}
