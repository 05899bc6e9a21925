namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>A constant: string, number, boolean or null.</summary>
internal sealed class LiteralNode(object? value) : ExpressionNode
{
    public object? Value { get; } = value;

    public override object? Evaluate(TemplateScope scope) => Value;

    public override void CollectReferences(List<TemplatePath> references)
    {
    }

    public override string ToString() => Value switch
    {
        null => "none",
        string s => $"'{s.Replace("\\", "\\\\").Replace("'", "\\'")}'",
        var other => TemplateValues.ToText(other),
    };
}
