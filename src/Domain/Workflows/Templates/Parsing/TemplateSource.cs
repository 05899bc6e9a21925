namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>The text being parsed or evaluated and what kind of text it is, for error messages.</summary>
internal sealed class TemplateSource(string text, string kind)
{
    public string Text { get; } = text;

    public string Kind { get; } = kind;

    public TemplateSyntaxException SyntaxError(string reason, int position) => new(reason, Text, position, Kind);

    public TemplateEvaluationException EvaluationError(TemplateRuntimeError error) =>
        error.IsTypeError
            ? new TemplateTypeException(error.Reason, Text, error.MissingPath, Kind)
            : new TemplateEvaluationException(error.Reason, Text, error.MissingPath, Kind);

    /// <summary>Evaluates a parsed expression, turning internal errors into public exceptions that name this text.</summary>
    public object? Evaluate(ExpressionNode node, TemplateScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            return node.Evaluate(scope);
        }
        catch (TemplateRuntimeError error)
        {
            throw EvaluationError(error);
        }
    }
}
