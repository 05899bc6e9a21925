namespace DagMaster.Application.Common.GroupCommit;

/// <summary>One key's items in a batch, in order of arrival.</summary>
public sealed record KeyedItems<TKey, TItem>(TKey Key, IReadOnlyList<TItem> Items);
