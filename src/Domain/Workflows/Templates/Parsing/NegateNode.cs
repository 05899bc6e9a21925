namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>Unary minus on a number.</summary>
internal sealed class NegateNode(ExpressionNode operand) : ExpressionNode
{
    public override object? Evaluate(TemplateScope scope) => Negate(operand.Evaluate(scope));

    public static object Negate(object? value) => TemplateValues.Normalize(value) switch
    {
        long.MinValue => (object)-(double)long.MinValue,
        long l => -l,
        double d => -d,
        UndefinedValue undefined => throw TemplateRuntimeError.Missing(undefined, "cannot be negated", isTypeError: true),
        var other => throw TemplateRuntimeError.Type($"cannot negate {TemplateValues.Describe(other)}; '-' needs a number"),
    };

    public override void CollectReferences(List<TemplatePath> references) => operand.CollectReferences(references);

    public override string ToString() => $"-{operand}";
}
