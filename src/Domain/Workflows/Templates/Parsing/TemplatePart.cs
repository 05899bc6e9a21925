namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>A piece of a template: literal text or one <c>{{ expression }}</c>.</summary>
internal sealed class TemplatePart
{
    private TemplatePart(string? literal, ExpressionNode? expression)
    {
        Literal = literal;
        Expression = expression;
    }

    public string? Literal { get; }

    public ExpressionNode? Expression { get; }

    public static TemplatePart ForLiteral(string text) => new(text, null);

    public static TemplatePart ForExpression(ExpressionNode expression) => new(null, expression);
}
