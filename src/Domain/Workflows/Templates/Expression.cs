using System.Diagnostics.CodeAnalysis;
using DagMaster.Domain.Workflows.Templates.Parsing;

namespace DagMaster.Domain.Workflows.Templates;

/// <summary>A bare expression without <c>{{ }}</c>, e.g. a condition <c>value &lt; 100 and inputs.strict</c>.</summary>
public sealed class Expression
{
    private readonly TemplateSource _source;
    private readonly ExpressionNode _root;

    private Expression(TemplateSource source, ExpressionNode root)
    {
        _source = source;
        _root = root;
        References = ReferenceList.From([root]);
    }

    public string Text => _source.Text;

    /// <summary>Every variable path the expression reads (distinct, in order of appearance).</summary>
    public IReadOnlyList<TemplatePath> References { get; }

    public static Expression Parse(string expressionText) =>
        Parse(expressionText, TemplateMessages.ExpressionKind, implicitValue: false);

    public static bool TryParse(
        string expressionText,
        [NotNullWhen(true)] out Expression? expression,
        [NotNullWhen(false)] out TemplateSyntaxException? error)
    {
        try
        {
            expression = Parse(expressionText);
            error = null;
            return true;
        }
        catch (TemplateSyntaxException exception)
        {
            expression = null;
            error = exception;
            return false;
        }
    }

    /// <summary>The raw value of the expression; <see cref="TemplateValues.Undefined"/> when it names a missing path.</summary>
    /// <exception cref="TemplateEvaluationException">A filter or operator cannot handle its operands.</exception>
    public object? Evaluate(TemplateScope scope)
    {
        var value = _source.Evaluate(_root, scope);
        return value is UndefinedValue ? TemplateValues.Undefined : value;
    }

    public override string ToString() => Text;

    internal static Expression Parse(string text, string kind, bool implicitValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = new TemplateSource(text, kind);
        if (text.Length > Template.MaxLength)
        {
            throw source.SyntaxError($"{kind} is too long ({text.Length} characters, limit {Template.MaxLength})", Template.MaxLength);
        }

        var tokens = Lexer.TokenizeExpression(source);
        return new Expression(source, Parser.Parse(source, tokens, implicitValue));
    }

    internal static Expression FromTemplate(Template template, string kind) =>
        new(new TemplateSource(template.Text, kind), template.SingleExpression
            ?? throw new ArgumentException("The template is not a single expression.", nameof(template)));
}
