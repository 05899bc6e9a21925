namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>The registry of built-in filters, looked up once at parse time.</summary>
internal static class Filters
{
    private static readonly Dictionary<string, FilterDefinition> s_filters = new FilterDefinition[]
    {
        new("default", 1, 2, BuiltInFilters.Default, acceptsUndefined: true),
        new("int", 0, 0, BuiltInFilters.Int),
        new("float", 0, 0, BuiltInFilters.Float),
        new("string", 0, 0, BuiltInFilters.String),
        new("lower", 0, 0, BuiltInFilters.Lower),
        new("upper", 0, 0, BuiltInFilters.Upper),
        new("length", 0, 0, BuiltInFilters.Length),
        new("tojson", 0, 0, BuiltInFilters.ToJson),
        new("join", 0, 1, BuiltInFilters.Join),
        new("round", 0, 1, BuiltInFilters.Round),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => s_filters.Keys;

    public static bool TryGet(string name, out FilterDefinition definition) =>
        s_filters.TryGetValue(name, out definition!);
}
