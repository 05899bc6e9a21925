namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary><c>input | name(arguments)</c>.</summary>
internal sealed class FilterNode(ExpressionNode input, FilterDefinition filter, ExpressionNode[] arguments) : ExpressionNode
{
    public override object? Evaluate(TemplateScope scope)
    {
        var value = input.Evaluate(scope);
        if (value is UndefinedValue undefined && !filter.AcceptsUndefined)
        {
            throw TemplateRuntimeError.Missing(undefined, $"(input of filter '{filter.Name}'; use default(...) first)");
        }

        return filter.Apply(value, arguments, scope);
    }

    public override void CollectReferences(List<TemplatePath> references)
    {
        input.CollectReferences(references);
        foreach (var argument in arguments)
        {
            argument.CollectReferences(references);
        }
    }

    public override string ToString() =>
        arguments.Length == 0
            ? $"{input} | {filter.Name}"
            : $"{input} | {filter.Name}({string.Join(", ", arguments.Select(a => a.ToString()))})";
}
