namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary><c>left op right</c> for <c>== != &lt; &lt;= &gt; &gt;= in not in</c>.</summary>
internal sealed class ComparisonNode(ComparisonOperator op, ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    public override object? Evaluate(TemplateScope scope) =>
        Operators.Apply(op, left.Evaluate(scope), right.Evaluate(scope));

    public override void CollectReferences(List<TemplatePath> references)
    {
        left.CollectReferences(references);
        right.CollectReferences(references);
    }

    public override string ToString() => $"{left} {Operators.Symbol(op)} {right}";
}
