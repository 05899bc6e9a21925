namespace DagMaster.Domain.Jobs;

/// <summary>
/// Which fan-out children to load with a job; its workflow nodes always come. A step loads only the children
/// it touches, so a fan-out of 100,000 children is never read whole to apply one result.
/// </summary>
public sealed record ChildSelection(IReadOnlyCollection<string> NodeIds, bool RetriesScheduled, bool All)
{
    /// <summary>No children: cancelling, deadlines.</summary>
    public static readonly ChildSelection None = new([], false, false);

    /// <summary>Every child: operator retry and rerun, which reset children.</summary>
    public static readonly ChildSelection Every = new([], false, true);

    /// <summary>Children waiting for a retry: the retry sweep.</summary>
    public static readonly ChildSelection WithRetryScheduled = new([], true, false);

    /// <summary>The children named by task results.</summary>
    public static ChildSelection Named(IEnumerable<string> nodeIds) => new(nodeIds.Distinct(StringComparer.Ordinal).ToList(), false, false);
}
