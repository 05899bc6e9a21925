namespace DagMaster.Application.Common.GroupCommit;

/// <summary>
/// How a <see cref="GroupCommit{TKey, TItem, TOutcome}"/> takes batches: at most <paramref name="MaxTransactions"/>
/// batches are applied at once; a batch holds at most <paramref name="MaxKeys"/> keys and (about)
/// <paramref name="MaxItems"/> items; a key with more than <paramref name="SharedKeyItems"/> items waiting goes in a
/// batch of its own.
/// </summary>
public sealed record GroupCommitLimits(int MaxTransactions, int MaxKeys, int MaxItems, int SharedKeyItems);
