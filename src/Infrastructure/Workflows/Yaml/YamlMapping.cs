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

    public long? GetInteger(string key)
    {
        var node = Get(key);
        if (node is null)
        {
            return null;
        }

        var value = node is YamlScalarNode scalar ? YamlValues.ToScalar(scalar) : node;
        switch (value)
        {
            case null:
                return null;
            case long integer:
                return integer;
            default:
                Error("yaml.type", $"'{key}' in {_where} must be a whole number", node);
                return null;
        }
    }

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

    public double? GetNumber(string key)
    {
        var node = Get(key);
        if (node is null)
        {
            return null;
        }

        var value = node is YamlScalarNode scalar ? YamlValues.ToScalar(scalar) : node;
        switch (value)
        {
            case null:
                return null;
            case long integer:
                return integer;
            case double number when double.IsFinite(number):
                return number;
            default:
                Error("yaml.type", $"'{key}' in {_where} must be a number", node);
                return null;
        }
    }

    public bool? GetBoolean(string key)
    {
        var node = Get(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar && YamlValues.ToScalar(scalar) is bool value)
        {
            return value;
        }

        Error("yaml.type", $"'{key}' in {_where} must be true or false", node);
        return null;
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
