using System.Diagnostics.CodeAnalysis;
using System.Text;
using DagMaster.Domain.Workflows.Templates.Parsing;

namespace DagMaster.Domain.Workflows.Templates;

/// <summary>
/// A parsed template: literal text with <c>{{ expression }}</c> segments (a Jinja subset). Parse once, render many
/// times; a <see cref="Template"/> is immutable and thread-safe.
/// </summary>
public sealed class Template
{
    /// <summary>Longest template text accepted, in characters.</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>Deepest nesting of parentheses, lists, filter arguments, indexes, unary operators and filter chains.</summary>
    public const int MaxNestingDepth = 64;

    private readonly TemplateSource _source;
    private readonly TemplatePart[] _parts;

    private Template(TemplateSource source, TemplatePart[] parts)
    {
        _source = source;
        _parts = parts;
        var expressions = parts.Where(p => p.Expression is not null).Select(p => p.Expression!).ToArray();
        IsLiteral = expressions.Length == 0;
        if (expressions.Length == 1 && parts.All(p => p.Literal is null || string.IsNullOrWhiteSpace(p.Literal)))
        {
            SingleExpression = expressions[0];
        }

        References = ReferenceList.From(expressions);
    }

    public string Text => _source.Text;

    /// <summary>True when the text has no expressions; it renders as itself.</summary>
    public bool IsLiteral { get; }

    /// <summary>True when the whole text is exactly one <c>{{ expression }}</c> (whitespace around it allowed);
    /// it renders to the expression's native value.</summary>
    public bool IsSingleExpression => SingleExpression is not null;

    /// <summary>Every variable path the template reads (distinct, in order of appearance).</summary>
    public IReadOnlyList<TemplatePath> References { get; }

    internal ExpressionNode? SingleExpression { get; }

    public static Template Parse(string text) => Parse(text, TemplateMessages.TemplateKind);

    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out Template? template,
        [NotNullWhen(false)] out TemplateSyntaxException? error)
    {
        try
        {
            template = Parse(text);
            error = null;
            return true;
        }
        catch (TemplateSyntaxException exception)
        {
            template = null;
            error = exception;
            return false;
        }
    }

    /// <summary>
    /// Renders the template: literal text as is; a single whole expression as its native value (undefined → null);
    /// anything else as a string with each value formatted by <see cref="TemplateValues.ToText"/>, where an
    /// undefined value is an error. Lists and maps read from the scope are returned by reference unless they hold
    /// values that need normalising (e.g. <see cref="int"/>), in which case a normalised copy is returned.
    /// </summary>
    /// <exception cref="TemplateEvaluationException">A value is missing or has the wrong type.</exception>
    public object? Render(TemplateScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (IsLiteral)
        {
            return Text;
        }

        try
        {
            if (SingleExpression is not null)
            {
                // Values from the scope may hold caller types (int, decimal, ...); return them in the value model.
                return TemplateValues.NormalizeDeep(SingleExpression.Evaluate(scope));
            }

            return RenderText(scope);
        }
        catch (TemplateRuntimeError error)
        {
            throw _source.EvaluationError(error);
        }
    }

    public override string ToString() => Text;

    internal static Template Parse(string text, string kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = new TemplateSource(text, kind);
        if (text.Length > MaxLength)
        {
            throw source.SyntaxError($"{kind} is too long ({text.Length} characters, limit {MaxLength})", MaxLength);
        }

        var parts = new List<TemplatePart>();
        var literalStart = 0;
        var position = 0;
        while (position < text.Length - 1)
        {
            var open = text.IndexOf('{', position);
            if (open < 0 || open == text.Length - 1)
            {
                break;
            }

            switch (text[open + 1])
            {
                case '%':
                    throw source.SyntaxError("'{%' blocks are not supported; only '{{ expression }}' is", open);
                case '#':
                    throw source.SyntaxError("'{#' comments are not supported; only '{{ expression }}' is", open);
                case '{':
                    break;
                default:
                    position = open + 1;
                    continue;
            }

            if (open + 2 < text.Length && text[open + 2] == '-')
            {
                throw source.SyntaxError("whitespace control ('{{-') is not supported", open);
            }

            if (open > literalStart)
            {
                parts.Add(TemplatePart.ForLiteral(text[literalStart..open]));
            }

            var tokens = Lexer.TokenizeTemplateExpression(source, open, out var end);
            parts.Add(TemplatePart.ForExpression(Parser.Parse(source, tokens)));
            literalStart = position = end;
        }

        if (literalStart < text.Length)
        {
            parts.Add(TemplatePart.ForLiteral(text[literalStart..]));
        }

        return new Template(source, [.. parts]);
    }

    private string RenderText(TemplateScope scope)
    {
        var builder = new StringBuilder(Text.Length + 32);
        foreach (var part in _parts)
        {
            if (part.Expression is null)
            {
                builder.Append(part.Literal);
                continue;
            }

            var value = part.Expression.Evaluate(scope);
            if (value is UndefinedValue undefined)
            {
                throw TemplateRuntimeError.Missing(undefined, string.Empty);
            }

            builder.Append(TemplateValues.ToText(value));
        }

        return builder.ToString();
    }
}
