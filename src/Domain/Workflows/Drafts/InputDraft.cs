namespace DagMaster.Domain.Workflows.Drafts;

public sealed record InputDraft : DraftElement
{
    public string? Name { get; init; }

    public string? Type { get; init; }

    public bool? Required { get; init; }

    public bool HasDefault { get; init; }

    public object? Default { get; init; }

    public string? Description { get; init; }
}
