using DagMaster.Domain.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Application.Jobs.ApplyTaskResults;

/// <summary>
/// Group commit for worker results. Results for one job serialise on the job's row lock anyway, so while one
/// transaction applies a job's results, the results that arrive meanwhile wait and go together in the next
/// one. A lone result goes at once (no added latency); a wide fan-out's 100,000 results take far fewer
/// transactions. Different jobs proceed in parallel.
/// </summary>
public sealed class TaskResultBatcher(IServiceScopeFactory scopes)
{
    /// <summary>The most results one transaction applies.</summary>
    public const int MaxBatch = 500;

    private readonly Dictionary<JobId, Lane> _lanes = [];

    public Task<ResultOutcome> SubmitAsync(JobId jobId, TaskResult result)
    {
        var pending = new Pending(result, new TaskCompletionSource<ResultOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        Lane? lane;
        lock (_lanes)
        {
            start = !_lanes.TryGetValue(jobId, out lane);
            if (start)
            {
                lane = new Lane();
                _lanes[jobId] = lane;
            }

            lane!.Queue.Add(pending);
        }

        if (start)
        {
            _ = Task.Run(() => DrainAsync(jobId, lane));
        }

        return pending.Outcome.Task;
    }

    private async Task DrainAsync(JobId jobId, Lane lane)
    {
        while (true)
        {
            List<Pending> batch;
            lock (_lanes)
            {
                if (lane.Queue.Count == 0)
                {
                    _lanes.Remove(jobId);
                    return;
                }

                batch = lane.Queue.Take(MaxBatch).ToList();
                lane.Queue.RemoveRange(0, batch.Count);
            }

            await ApplyAsync(jobId, batch);
        }
    }

    private async Task ApplyAsync(JobId jobId, List<Pending> batch)
    {
        try
        {
            var outcomes = await SendAsync(jobId, batch.Select(p => p.Result).ToList());
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One bad result must not fail the others: apply them one by one, each with its own answer.
            foreach (var pending in batch)
            {
                await ApplyAsync(jobId, [pending]);
            }
        }
        catch (Exception ex)
        {
            batch[0].Outcome.TrySetException(ex);
        }
    }

    private async Task<IReadOnlyList<ResultOutcome>> SendAsync(JobId jobId, IReadOnlyList<TaskResult> results)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ApplyTaskResultsCommand(jobId, results), CancellationToken.None);
    }

    private sealed record Pending(TaskResult Result, TaskCompletionSource<ResultOutcome> Outcome);

    private sealed class Lane
    {
        public List<Pending> Queue { get; } = [];
    }
}
