using DagMaster.Domain.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Application.Jobs.ApplyTaskResults;

/// <summary>
/// Group commit for worker results. At most <see cref="MaxTransactions"/> transactions apply results at once;
/// the results that arrive meanwhile wait and go together in the next one, across jobs. A lone result goes at
/// once (no added latency); under load one transaction, one lock statement and one commit serve many results,
/// so the fixed cost of a step is shared. A job's results are applied by one transaction at a time, in order of
/// arrival (they would serialise on its row lock anyway).
/// </summary>
public sealed class TaskResultBatcher(IServiceScopeFactory scopes)
{
    /// <summary>The most results one transaction applies.</summary>
    public const int MaxResults = 500;

    /// <summary>The most jobs one transaction changes (and row locks it holds).</summary>
    public const int MaxJobs = 64;

    /// <summary>A job with more results waiting than this is applied in a transaction of its own.</summary>
    public const int SharedJobResults = 16;

    /// <summary>Transactions applying results at once: enough to overlap one's round trips with another's work.</summary>
    public const int MaxTransactions = 4;

    private readonly Lock _gate = new();
    private readonly Dictionary<JobId, List<Pending>> _waiting = [];
    private readonly LinkedList<JobId> _arrival = new();
    private readonly HashSet<JobId> _applying = [];
    private int _running;

    public Task<ResultOutcome> SubmitAsync(JobId jobId, TaskResult result)
    {
        var pending = new Pending(result, new TaskCompletionSource<ResultOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (_gate)
        {
            if (!_waiting.TryGetValue(jobId, out var queue))
            {
                queue = [];
                _waiting[jobId] = queue;
                _arrival.AddLast(jobId);
            }

            queue.Add(pending);
            start = _running < MaxTransactions;
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
            List<JobBatch> batch;
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
                    batch.ForEach(b => _applying.Remove(b.JobId));
                }
            }
        }
    }

    /// <summary>
    /// What the next transaction applies; caller holds the gate. Jobs no other transaction is applying, oldest
    /// first: every small job waiting (up to <see cref="MaxJobs"/>), or else one job with many results (a wide
    /// fan-out's children) alone, so a small job's lone result never waits behind hundreds of a big one's. A
    /// big job is not starved: every transaction takes all the small jobs waiting, so the next one finds none.
    /// </summary>
    private List<JobBatch> TakeBatch()
    {
        var batch = new List<JobBatch>();
        var results = 0;
        for (var node = _arrival.First; node is not null && batch.Count < MaxJobs && results < MaxResults;)
        {
            var next = node.Next;
            if (_waiting[node.Value].Count <= SharedJobResults && _applying.Add(node.Value))
            {
                results += Take(node, SharedJobResults, batch);
            }

            node = next;
        }

        for (var node = _arrival.First; node is not null && batch.Count == 0; node = node.Next)
        {
            if (_applying.Add(node.Value))
            {
                Take(node, MaxResults, batch);
            }
        }

        return batch;
    }

    /// <summary>Moves up to <paramref name="most"/> of a job's waiting results into the batch; returns how many.</summary>
    private int Take(LinkedListNode<JobId> node, int most, List<JobBatch> batch)
    {
        var jobId = node.Value;
        var queue = _waiting[jobId];
        if (queue.Count <= most)
        {
            _waiting.Remove(jobId);
            _arrival.Remove(node);
            batch.Add(new JobBatch(jobId, queue));
            return queue.Count;
        }

        batch.Add(new JobBatch(jobId, queue.GetRange(0, most)));
        queue.RemoveRange(0, most);
        return most;
    }

    private async Task ApplyAsync(List<JobBatch> batch)
    {
        try
        {
            var outcomes = await SendAsync(batch);
            for (var j = 0; j < batch.Count; j++)
            {
                for (var i = 0; i < batch[j].Pending.Count; i++)
                {
                    batch[j].Pending[i].Outcome.TrySetResult(outcomes[j][i]);
                }
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One bad job must not fail the others: each job again on its own.
            foreach (var job in batch)
            {
                await ApplyAsync([job]);
            }
        }
        catch (Exception) when (batch[0].Pending.Count > 1)
        {
            // Nor one bad result the job's others: one by one, each with its own answer.
            foreach (var pending in batch[0].Pending)
            {
                await ApplyAsync([new JobBatch(batch[0].JobId, [pending])]);
            }
        }
        catch (Exception ex)
        {
            batch[0].Pending[0].Outcome.TrySetException(ex);
        }
    }

    private async Task<IReadOnlyList<IReadOnlyList<ResultOutcome>>> SendAsync(List<JobBatch> batch)
    {
        var command = new ApplyTaskResultsCommand(batch.Select(b => new JobTaskResults(b.JobId, b.Pending.Select(p => p.Result).ToList())).ToList());
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, CancellationToken.None);
    }

    private sealed record Pending(TaskResult Result, TaskCompletionSource<ResultOutcome> Outcome);

    private sealed record JobBatch(JobId JobId, List<Pending> Pending);
}
