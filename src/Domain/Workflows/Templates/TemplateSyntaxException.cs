namespace DagMaster.Domain.Workflows.Templates;

/// <summary>A template or expression that cannot be parsed.</summary>
public sealed class TemplateSyntaxException : Exception
{
    public TemplateSyntaxException(string reason, string text, int position)
        : this(reason, text, position, TemplateMessages.TemplateKind)
    {
    }

    internal TemplateSyntaxException(string reason, string text, int position, string kind)
        : base($"{reason} at position {position} in {kind} {TemplateMessages.Quote(text)}")
    {
        Reason = reason;
        Text = text;
        Position = position;
    }

    /// <summary>What is wrong, without the position and text.</summary>
    public string Reason { get; }

    /// <summary>The full text that was parsed.</summary>
    public string Text { get; }

    /// <summary>The 0-based character position in <see cref="Text"/> where the problem is.</summary>
    public int Position { get; }
}
