namespace DagMaster.Domain.Workflows.Templates;

/// <summary>An operator applied to values of types it does not accept, e.g. <c>"50" &lt; 100</c>.</summary>
public sealed class TemplateTypeException : TemplateEvaluationException
{
    public TemplateTypeException(string reason, string template, string? missingPath)
        : base(reason, template, missingPath)
    {
    }

    internal TemplateTypeException(string reason, string template, string? missingPath, string kind)
        : base(reason, template, missingPath, kind)
    {
    }
}
