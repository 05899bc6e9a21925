namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>A root variable such as <c>inputs</c>, <c>nodes</c>, <c>item</c> or <c>value</c>.</summary>
internal sealed class VariableNode : ExpressionNode
{
    private readonly UndefinedValue _undefined;

    public VariableNode(string name)
    {
        Name = name;
        _undefined = new UndefinedValue(name);
    }

    public string Name { get; }

    public override object? Evaluate(TemplateScope scope)
    {
        var value = scope.Resolve(Name);
        return value is UndefinedValue ? _undefined : value;
    }

    public override void CollectReferences(List<TemplatePath> references) => references.Add(new TemplatePath(Name, []));

    public override string ToString() => Name;
}
