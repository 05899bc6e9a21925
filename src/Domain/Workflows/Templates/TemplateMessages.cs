namespace DagMaster.Domain.Workflows.Templates;

/// <summary>Shared wording for template exception messages.</summary>
internal static class TemplateMessages
{
    public const string TemplateKind = "template";
    public const string ExpressionKind = "expression";
    public const string ConditionKind = "condition";

    private const int MaxQuotedLength = 200;

    /// <summary>Quotes source text for a message, shortening very long text.</summary>
    public static string Quote(string text) =>
        text.Length <= MaxQuotedLength
            ? $"\"{text}\""
            : $"\"{text.AsSpan(0, MaxQuotedLength)}...\" ({text.Length} characters)";
}
