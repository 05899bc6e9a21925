namespace DagMaster.Domain.Workflows.Templates;

/// <summary>
/// The root variables a template can read (<c>inputs</c>, <c>nodes</c>, <c>job</c>, <c>item</c>, <c>value</c>, ...).
/// Values are normalised into the template value model when they are read, so callers may pass
/// <see cref="int"/>, <see cref="decimal"/>, JSON elements and ordinary collections. A missing root is undefined.
/// </summary>
public sealed class TemplateScope
{
    private static readonly Dictionary<string, object?> s_noRoots = [];

    private readonly IReadOnlyDictionary<string, object?> _roots;
    private readonly TemplateScope? _parent;
    private readonly string? _name;
    private readonly object? _value;

    public TemplateScope(IReadOnlyDictionary<string, object?> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        _roots = roots;
    }

    private TemplateScope(TemplateScope parent, string name, object? value)
    {
        _roots = s_noRoots;
        _parent = parent;
        _name = name;
        _value = value;
    }

    /// <summary>A scope without variables.</summary>
    public static TemplateScope Empty { get; } = new(s_noRoots);

    /// <summary>A new scope that adds (or hides) one root variable, e.g. <c>value</c> for a branch condition.</summary>
    public TemplateScope With(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new TemplateScope(this, name, value);
    }

    /// <summary>The normalised value of a root variable, or <see cref="TemplateValues.Undefined"/>.</summary>
    public object? Resolve(string name)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._name is not null)
            {
                if (scope._name == name)
                {
                    return TemplateValues.Normalize(scope._value);
                }
            }
            else if (scope._roots.TryGetValue(name, out var value))
            {
                return TemplateValues.Normalize(value);
            }
        }

        return TemplateValues.Undefined;
    }
}
