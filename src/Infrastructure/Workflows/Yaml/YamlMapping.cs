using DagMaster.Domain.Workflows;
using YamlDotNet.RepresentationModel;

namespace DagMaster.Infrastructure.Workflows.Yaml;

/// <summary>
/// One YAML mapping being read against a known set of keys. Typed getters report wrong types as errors
/// with the key's line; <see cref="ReportUnknownKeys"/> reports every key nobody asked about.
/// </summary>
internal sealed class YamlMapping
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly List<WorkflowError> _errors;
    private readonly string _where;

    public YamlMapping(YamlMappingNode node, string where, List<WorkflowError> errors)
    {
        Node = node;
        _where = where;
        _errors = errors;
        foreach (var (key, value) in node.Children)
        {
            var text = YamlValues.KeyText(key);
            if (!_entries.TryAdd(text, (key, value)))
            {
                Error("yaml.key.duplicate", $"key '{text}' appears twice in {where}", key);
            }
        }

        KeyLines = _entries.ToDictionary(e => e.Key, e => YamlValues.LineOf(e.Value.Key), StringComparer.Ordinal);
    }

    public YamlMappingNode Node { get; }

    public int Line => YamlValues.LineOf(Node);

    public IReadOnlyDictionary<string, int> KeyLines { get; }

    public bool Has(string key) => _entries.ContainsKey(key);

    public YamlNode? Get(string key) => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public void ReportUnknownKeys(IReadOnlyCollection<string> known)
    {
        foreach (var (key, entry) in _entries)
        {
            if (!known.Contains(key))
            {
                var hint = KeySuggestions.Closest(key, known) is { } suggestion ? $" (did you mean '{suggestion}'?)" : string.Empty;
                Error("yaml.key.unknown", $"unknown key '{key}' in {_where}{hint}", entry.Key);
            }
        }
    }

    public string? GetString(string key)
    {
        var node = Get(key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return YamlValues.ToScalar(scalar) is null ? null : scalar.Value;
            default:
                Error("yaml.type", $"'{key}' in {_where} must be a text value", node);
                return null;
        }
    }

    public long? GetInteger(string key) =>
        GetScalar<long>(key, "a whole number", value => value is long integer ? integer : null);

    public int? GetInt32(string key)
    {
        var value = GetInteger(key);
        if (value is < int.MinValue or > int.MaxValue)
        {
            Error("yaml.range", $"'{key}' in {_where} is out of range", Get(key)!);
            return null;
        }

        return (int?)value;
    }

    public double? GetNumber(string key) =>
        GetScalar<double>(key, "a number", value => value switch
        {
            long integer => (double?)integer,
            double number when double.IsFinite(number) => number,
            _ => null,
        });

    public bool? GetBoolean(string key) =>
        GetScalar<bool>(key, "true or false", value => value is bool flag ? flag : null, nullIsAbsent: false);

    /// <summary>
    /// Reads a scalar and converts it; an absent key gives null, as does YAML null unless
    /// <paramref name="nullIsAbsent"/> is false; anything the conversion refuses is reported as
    /// "must be {expected}" on the key's line.
    /// </summary>
    private T? GetScalar<T>(string key, string expected, Func<object, T?> convert, bool nullIsAbsent = true)
        where T : struct
    {
        var node = Get(key);
        var value = node is YamlScalarNode scalar ? YamlValues.ToScalar(scalar) : node;
        if (node is null || (value is null && nullIsAbsent))
        {
            return null;
        }

        var converted = value is null ? null : convert(value);
        if (converted is null)
        {
            Error("yaml.type", $"'{key}' in {_where} must be {expected}", node);
        }

        return converted;
    }

    /// <summary>A single id or a list of ids.</summary>
    public IReadOnlyList<string> GetStringList(string key) => ReadStringList(Get(key), key);

    public IReadOnlyList<string> ReadStringList(YamlNode? node, string key)
    {
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return YamlValues.ToScalar(scalar) is null ? [] : [scalar.Value!];
            case YamlSequenceNode sequence:
                var items = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } text })
                    {
                        items.Add(text);
                    }
                    else
                    {
                        Error("yaml.type", $"'{key}' in {_where} must list node ids", item);
                    }
                }

                return items;
            default:
                Error("yaml.type", $"'{key}' in {_where} must be a node id or a list of node ids", node);
                return [];
        }
    }

    public IReadOnlyDictionary<string, object?>? GetMap(string key)
    {
        var node = Get(key);
        switch (node)
        {
            case null:
                return null;
            case YamlMappingNode:
                return (IReadOnlyDictionary<string, object?>?)YamlValues.ToValue(node);
            case YamlScalarNode scalar when YamlValues.ToScalar(scalar) is null:
                return null;
            default:
                Error("yaml.type", $"'{key}' in {_where} must be a mapping", node);
                return null;
        }
    }

    public YamlMapping? GetMapping(string key, string where)
    {
        var node = Get(key);
        switch (node)
        {
            case null:
                return null;
            case YamlMappingNode mapping:
                return new YamlMapping(mapping, where, _errors);
            case YamlScalarNode scalar when YamlValues.ToScalar(scalar) is null:
                return null;
            default:
                Error("yaml.type", $"'{key}' in {_where} must be a mapping", node);
                return null;
        }
    }

    public void Error(string code, string message, YamlNode at) =>
        _errors.Add(new WorkflowError(code, message, YamlValues.LineOf(at)));
}
