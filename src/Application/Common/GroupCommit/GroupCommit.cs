namespace DagMaster.Application.Common.GroupCommit;

/// <summary>
/// Group commit: items that arrive while earlier batches are being applied wait and go together in the next
/// batch, so one transaction (one lock statement, one commit) serves many. At most
/// <see cref="GroupCommitLimits.MaxTransactions"/> batches are applied at once; a lone item goes at once, so the
/// group commit adds no latency when idle.
/// <para>
/// Items are keyed. A key's items are applied by one batch at a time, in order of arrival (for job results they
/// would serialise on the job's row lock anyway). A batch takes every key with few items waiting (up to the
/// limits), oldest first; when there is none, one key with many items alone, so a lone item never waits behind
/// hundreds of another key's, and the big key is not starved: each batch takes all the small keys waiting, so the
/// next one finds none.
/// </para>
/// <para>
/// A batch that fails is split: each key alone, then each item alone. So one bad item never fails another, and
/// every item gets the outcome, or the exception, it would have got alone.
/// </para>
/// </summary>
/// <param name="limits">How many transactions at once, and how big a batch.</param>
/// <param name="apply">Applies one batch in one transaction: one outcome per item, in the order of the batch's keys and their items.</param>
public sealed class GroupCommit<TKey, TItem, TOutcome>(
    GroupCommitLimits limits,
    Func<IReadOnlyList<KeyedItems<TKey, TItem>>, Task<IReadOnlyList<IReadOnlyList<TOutcome>>>> apply)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, List<Pending>> _waiting = [];
    private readonly LinkedList<TKey> _arrival = new();
    private readonly HashSet<TKey> _applying = [];
    private int _running;

    /// <summary>Adds an item under its key; completes with its outcome once the batch holding it committed, or with the exception it got alone.</summary>
    public Task<TOutcome> AddAsync(TKey key, TItem item)
    {
        var pending = new Pending(item, new TaskCompletionSource<TOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (_gate)
        {
            if (!_waiting.TryGetValue(key, out var queue))
            {
                queue = [];
                _waiting[key] = queue;
                _arrival.AddLast(key);
            }

            queue.Add(pending);
            start = _running < limits.MaxTransactions;
            if (start)
            {
                _running++;
            }
        }

        if (start)
        {
            _ = Task.Run(DrainAsync);
        }

        return pending.Outcome.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<KeyBatch> batch;
            lock (_gate)
            {
                batch = TakeBatch();
                if (batch.Count == 0)
                {
                    _running--;
                    return;
                }
            }

            try
            {
                await ApplyAsync(batch);
            }
            finally
            {
                lock (_gate)
                {
                    batch.ForEach(b => _applying.Remove(b.Key));
                }
            }
        }
    }

    /// <summary>
    /// What the next batch applies; caller holds the gate. Keys no other batch is applying, oldest first: every
    /// small key waiting (up to the limits), or else one key with many items alone.
    /// </summary>
    private List<KeyBatch> TakeBatch()
    {
        var batch = new List<KeyBatch>();
        var items = 0;
        for (var node = _arrival.First; node is not null && batch.Count < limits.MaxKeys && items < limits.MaxItems;)
        {
            var next = node.Next;
            if (_waiting[node.Value].Count <= limits.SharedKeyItems && _applying.Add(node.Value))
            {
                items += Take(node, limits.SharedKeyItems, batch);
            }

            node = next;
        }

        for (var node = _arrival.First; node is not null && batch.Count == 0; node = node.Next)
        {
            if (_applying.Add(node.Value))
            {
                Take(node, limits.MaxItems, batch);
            }
        }

        return batch;
    }

    /// <summary>Moves up to <paramref name="most"/> of a key's waiting items into the batch; returns how many.</summary>
    private int Take(LinkedListNode<TKey> node, int most, List<KeyBatch> batch)
    {
        var key = node.Value;
        var queue = _waiting[key];
        if (queue.Count <= most)
        {
            _waiting.Remove(key);
            _arrival.Remove(node);
            batch.Add(new KeyBatch(key, queue));
            return queue.Count;
        }

        batch.Add(new KeyBatch(key, queue.GetRange(0, most)));
        queue.RemoveRange(0, most);
        return most;
    }

    private async Task ApplyAsync(List<KeyBatch> batch)
    {
        try
        {
            var outcomes = await apply([.. batch.Select(b => new KeyedItems<TKey, TItem>(b.Key, [.. b.Pending.Select(p => p.Item)]))]);
            if (outcomes.Count != batch.Count || outcomes.Where((o, k) => o.Count != batch[k].Pending.Count).Any())
            {
                throw new InvalidOperationException("A group commit's batch must answer every item, in order.");
            }

            for (var k = 0; k < batch.Count; k++)
            {
                for (var i = 0; i < batch[k].Pending.Count; i++)
                {
                    batch[k].Pending[i].Outcome.TrySetResult(outcomes[k][i]);
                }
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One bad key must not fail the others: each key again on its own.
            foreach (var key in batch)
            {
                await ApplyAsync([key]);
            }
        }
        catch (Exception) when (batch[0].Pending.Count > 1)
        {
            // Nor one bad item the key's others: one by one, each with its own answer.
            foreach (var pending in batch[0].Pending)
            {
                await ApplyAsync([new KeyBatch(batch[0].Key, [pending])]);
            }
        }
        catch (Exception ex)
        {
            batch[0].Pending[0].Outcome.TrySetException(ex);
        }
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TOutcome> Outcome);

    private sealed record KeyBatch(TKey Key, List<Pending> Pending);
}
