namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>
/// An evaluation failure raised inside the expression tree, where the template text is not known.
/// <see cref="TemplateSource"/> turns it into a <see cref="TemplateEvaluationException"/>.
/// </summary>
internal sealed class TemplateRuntimeError(string reason, string? missingPath, bool isTypeError) : Exception(reason)
{
    public string Reason { get; } = reason;

    public string? MissingPath { get; } = missingPath;

    public bool IsTypeError { get; } = isTypeError;

    public static TemplateRuntimeError Evaluation(string reason) => new(reason, null, false);

    public static TemplateRuntimeError Type(string reason) => new(reason, null, true);

    /// <summary>An undefined value reached something that needs a value.</summary>
    public static TemplateRuntimeError Missing(UndefinedValue value, string usage, bool isTypeError = false)
    {
        var path = value.Path ?? "?";
        return new($"missing value '{path}' {usage}".TrimEnd(), value.Path, isTypeError);
    }
}
