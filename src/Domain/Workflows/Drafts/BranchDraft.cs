namespace DagMaster.Domain.Workflows.Drafts;

public sealed record BranchDraft : DraftElement
{
    public string? Name { get; init; }

    public string? Condition { get; init; }

    public string? Next { get; init; }

    public bool IsDefault { get; init; }
}
