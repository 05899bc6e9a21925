using System.Diagnostics.CodeAnalysis;

namespace DagMaster.Domain.Workflows.Templates;

/// <summary>
/// The condition of a conditional node's branch. Text starting with a comparison operator (<c>== != &lt; &lt;= &gt; &gt;=</c>)
/// or with <c>in</c> / <c>not in</c> is shorthand for <c>value &lt;text&gt;</c> (<c>"&lt; 100"</c> means
/// <c>value &lt; 100</c>); anything else is a full expression, optionally wrapped in <c>{{ }}</c>.
/// </summary>
public sealed class BranchCondition
{
    /// <summary>The variable holding the conditional's evaluated <c>condition_field</c>.</summary>
    public const string ValueName = "value";

    private readonly Expression _expression;

    private BranchCondition(string text, Expression expression, bool isShorthand)
    {
        Text = text;
        _expression = expression;
        IsShorthand = isShorthand;
    }

    public string Text { get; }

    /// <summary>True when the text is the <c>&lt; 100</c> form with an implicit <c>value</c> on the left.</summary>
    public bool IsShorthand { get; }

    /// <summary>Every variable path the condition reads (the shorthand form reads <c>value</c>).</summary>
    public IReadOnlyList<TemplatePath> References => _expression.References;

    public static BranchCondition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        if (IsShorthandText(trimmed))
        {
            return new BranchCondition(text, Expression.Parse(text, TemplateMessages.ConditionKind, implicitValue: true), true);
        }

        if (trimmed.StartsWith("{{", StringComparison.Ordinal))
        {
            var template = Template.Parse(text, TemplateMessages.ConditionKind);
            if (!template.IsSingleExpression)
            {
                throw new TemplateSyntaxException(
                    "a condition in '{{ }}' must be exactly one expression with nothing around it",
                    text,
                    text.Length - trimmed.Length,
                    TemplateMessages.ConditionKind);
            }

            return new BranchCondition(text, Expression.FromTemplate(template, TemplateMessages.ConditionKind), false);
        }

        return new BranchCondition(text, Expression.Parse(text, TemplateMessages.ConditionKind, implicitValue: false), false);
    }

    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out BranchCondition? condition,
        [NotNullWhen(false)] out TemplateSyntaxException? error)
    {
        try
        {
            condition = Parse(text);
            error = null;
            return true;
        }
        catch (TemplateSyntaxException exception)
        {
            condition = null;
            error = exception;
            return false;
        }
    }

    /// <summary>Evaluates the condition against a scope that already holds <c>value</c>; the result's truthiness.</summary>
    /// <exception cref="TemplateTypeException">Operands of incompatible types, e.g. <c>"50" &lt; 100</c>.</exception>
    /// <exception cref="TemplateEvaluationException">Another evaluation error.</exception>
    public bool Evaluate(TemplateScope scope) => TemplateValues.IsTruthy(_expression.Evaluate(scope));

    /// <summary>Evaluates the condition with <c>value</c> bound to <paramref name="value"/>.</summary>
    public bool Evaluate(TemplateScope scope, object? value)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Evaluate(scope.With(ValueName, value));
    }

    public override string ToString() => Text;

    private static bool IsShorthandText(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("==") || text.StartsWith("!=") || text.StartsWith("<") || text.StartsWith(">"))
        {
            return true;
        }

        if (text.StartsWith("not") && text.Length > 3 && char.IsWhiteSpace(text[3]))
        {
            text = text[3..].TrimStart();
        }

        return text.StartsWith("in") && (text.Length == 2 || !(char.IsAsciiLetterOrDigit(text[2]) || text[2] == '_'));
    }
}
