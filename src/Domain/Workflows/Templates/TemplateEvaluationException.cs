namespace DagMaster.Domain.Workflows.Templates;

/// <summary>A template that parsed but cannot be evaluated against a scope (missing value, bad filter input, ...).</summary>
public class TemplateEvaluationException : Exception
{
    public TemplateEvaluationException(string reason, string template, string? missingPath)
        : this(reason, template, missingPath, TemplateMessages.TemplateKind)
    {
    }

    internal TemplateEvaluationException(string reason, string template, string? missingPath, string kind)
        : base($"{reason} in {kind} {TemplateMessages.Quote(template)}")
    {
        Reason = reason;
        Template = template;
        MissingPath = missingPath;
    }

    /// <summary>What went wrong, without the template text.</summary>
    public string Reason { get; }

    /// <summary>The text of the template (or expression, or condition) being evaluated.</summary>
    public string Template { get; }

    /// <summary>The path that did not exist, when an undefined value caused the error.</summary>
    public string? MissingPath { get; }
}
