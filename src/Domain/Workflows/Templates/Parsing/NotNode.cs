namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary><c>not x</c>: always a boolean.</summary>
internal sealed class NotNode(ExpressionNode operand) : ExpressionNode
{
    public override object? Evaluate(TemplateScope scope) => !TemplateValues.IsTruthy(operand.Evaluate(scope));

    public override void CollectReferences(List<TemplatePath> references) => operand.CollectReferences(references);

    public override string ToString() => $"not {operand}";
}
