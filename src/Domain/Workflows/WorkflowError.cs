namespace DagMaster.Domain.Workflows;

/// <summary>One problem found while loading a workflow; <paramref name="Line"/> is 1-based in the source file.</summary>
public sealed record WorkflowError(string Code, string Message, int? Line = null, string? NodeId = null)
{
    public override string ToString() => Line is { } line ? $"line {line}: {Message}" : Message;
}
