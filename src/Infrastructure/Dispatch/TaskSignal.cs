namespace DagMaster.Infrastructure.Dispatch;

/// <summary>
/// Wakes long-polling claims when tasks may have arrived. Every pulse completes the current generation and
/// starts a new one, so a waiter never misses a pulse that happens after it started waiting.
/// </summary>
public sealed class TaskSignal
{
    private TaskCompletionSource _generation = NewGeneration();

    public Task Current => Volatile.Read(ref _generation).Task;

    public void Pulse() => Interlocked.Exchange(ref _generation, NewGeneration()).TrySetResult();

    public async Task WaitAsync(Task generation, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await generation.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Nothing arrived in time; the caller claims once more and answers.
        }
    }

    private static TaskCompletionSource NewGeneration() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
