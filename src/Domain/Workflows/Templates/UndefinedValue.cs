namespace DagMaster.Domain.Workflows.Templates;

/// <summary>
/// The value of a path that does not exist. <see cref="TemplateValues.Undefined"/> is the public sentinel;
/// the evaluator uses instances that remember which path was missing so error messages can name it.
/// </summary>
internal sealed class UndefinedValue(string? path)
{
    public string? Path { get; } = path;

    public override string ToString() => Path is null ? "Undefined" : $"Undefined({Path})";
}
