namespace DagMaster.Domain.Workflows.Drafts;

public sealed record WorkflowDraft : DraftElement
{
    public string? WorkflowId { get; init; }

    public string? Name { get; init; }

    public int? Version { get; init; }

    public string? Description { get; init; }

    public int? TimeoutSeconds { get; init; }

    public IReadOnlyList<InputDraft> Inputs { get; init; } = [];

    public IReadOnlyList<NodeDraft> Nodes { get; init; } = [];

    /// <summary>Declared job outputs (artifacts): name → template.</summary>
    public IReadOnlyList<OutputDraft> Outputs { get; init; } = [];
}
