namespace DagMaster.Domain.Workflows.Drafts;

/// <summary>The <c>task</c> block of a fan-out: the template every child is made from.</summary>
public sealed record TaskDraft : DraftElement
{
    public string? Handler { get; init; }

    public string? Queue { get; init; }

    public IReadOnlyDictionary<string, object?>? Params { get; init; }

    public int? TimeoutSeconds { get; init; }

    public int? Priority { get; init; }
}
