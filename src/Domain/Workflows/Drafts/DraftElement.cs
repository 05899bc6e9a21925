namespace DagMaster.Domain.Workflows.Drafts;

/// <summary>
/// Base of the unvalidated workflow model a reader produces. It remembers where each key stood in the
/// source so that every rule can name a line.
/// </summary>
public abstract record DraftElement
{
    public int? Line { get; init; }

    public IReadOnlyDictionary<string, int> KeyLines { get; init; } = new Dictionary<string, int>();

    public int? LineOf(string key) => KeyLines.TryGetValue(key, out var line) ? line : Line;
}
