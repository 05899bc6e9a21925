namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>A built-in filter: its name, how many arguments it takes and what it does.</summary>
internal sealed class FilterDefinition(
    string name,
    int minArguments,
    int maxArguments,
    Func<object?, ExpressionNode[], TemplateScope, object?> apply,
    bool acceptsUndefined = false)
{
    public string Name { get; } = name;

    public int MinArguments { get; } = minArguments;

    public int MaxArguments { get; } = maxArguments;

    /// <summary>Only <c>default</c> may receive an undefined value; every other filter reports the missing path.</summary>
    public bool AcceptsUndefined { get; } = acceptsUndefined;

    public object? Apply(object? input, ExpressionNode[] arguments, TemplateScope scope) => apply(input, arguments, scope);

    public string DescribeArity() => (MinArguments, MaxArguments) switch
    {
        (0, 0) => "no arguments",
        var (min, max) when min == max => $"{min} argument{(min == 1 ? string.Empty : "s")}",
        var (min, max) => $"{min} to {max} arguments",
    };
}
