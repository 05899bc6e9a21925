namespace DagMaster.Domain.Workflows.Drafts;

public sealed record NodeDraft : DraftElement
{
    public string? Id { get; init; }

    public string? Type { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Next { get; init; } = [];

    public IReadOnlyList<string> DependsOnAll { get; init; } = [];

    public IReadOnlyList<string> DependsOnAny { get; init; } = [];

    public string? Handler { get; init; }

    public string? Queue { get; init; }

    public IReadOnlyDictionary<string, object?>? Params { get; init; }

    public int? TimeoutSeconds { get; init; }

    public RetryDraft? Retry { get; init; }

    public int? Priority { get; init; }

    public string? ConditionField { get; init; }

    public string? Condition { get; init; }

    public IReadOnlyList<BranchDraft> Branches { get; init; } = [];

    /// <summary>True when <c>branches</c> was written as a map (<c>{true: a, false: b}</c>).</summary>
    public bool BranchesAsMap { get; init; }

    public string? Source { get; init; }

    public TaskDraft? Task { get; init; }

    public int? MaxParallel { get; init; }

    public string? Aggregation { get; init; }
}
