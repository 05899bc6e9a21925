using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Application.Jobs.SubmitJob;

/// <summary>
/// Group commit for submissions: at most <see cref="MaxTransactions"/> transactions create jobs at once, and the
/// submissions that arrive meanwhile go together in the next one (at most <see cref="MaxJobs"/>). A lone
/// submission goes at once. A refusal answers only its own submission; a transaction that fails as a whole
/// (say, two new submissions with one idempotency key) is retried one submission at a time, so each gets the
/// answer it would have got alone.
/// </summary>
public sealed class JobSubmissionBatcher(IServiceScopeFactory scopes)
{
    public const int MaxJobs = 64;

    public const int MaxTransactions = 4;

    private readonly Lock _gate = new();
    private readonly Queue<Pending> _waiting = new();
    private int _running;

    public Task<SubmitJobResponse> SubmitAsync(SubmitJobCommand command)
    {
        var pending = new Pending(command, new TaskCompletionSource<SubmitJobResponse>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (_gate)
        {
            _waiting.Enqueue(pending);
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

        return pending.Answer.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<Pending>();
            lock (_gate)
            {
                while (batch.Count < MaxJobs && _waiting.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                if (batch.Count == 0)
                {
                    _running--;
                    return;
                }
            }

            await CreateAsync(batch);
        }
    }

    private async Task CreateAsync(List<Pending> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcomes = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new SubmitJobsCommand(batch.Select(p => p.Command).ToList()), CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                if (outcomes[i].Refusal is { } refusal)
                {
                    batch[i].Answer.TrySetException(refusal);
                }
                else
                {
                    batch[i].Answer.TrySetResult(outcomes[i].Response!);
                }
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var pending in batch)
            {
                await CreateAsync([pending]);
            }
        }
        catch (Exception ex)
        {
            batch[0].Answer.TrySetException(ex);
        }
    }

    private sealed record Pending(SubmitJobCommand Command, TaskCompletionSource<SubmitJobResponse> Answer);
}
