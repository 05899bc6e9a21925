namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary><c>a and b and c</c> with Python semantics: the first falsy operand, else the last one.</summary>
internal sealed class AndNode(ExpressionNode[] operands) : ExpressionNode
{
    public override object? Evaluate(TemplateScope scope)
    {
        object? value = null;
        foreach (var operand in operands)
        {
            value = operand.Evaluate(scope);
            if (!TemplateValues.IsTruthy(value))
            {
                return value;
            }
        }

        return value;
    }

    public override void CollectReferences(List<TemplatePath> references)
    {
        foreach (var operand in operands)
        {
            operand.CollectReferences(references);
        }
    }

    public override string ToString() => $"({string.Join(" and ", operands.Select(o => o.ToString()))})";
}
