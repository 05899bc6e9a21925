namespace DagMaster.Domain.Workflows.Drafts;

public sealed record OutputDraft : DraftElement
{
    public required string Name { get; init; }

    public object? Value { get; init; }
}
