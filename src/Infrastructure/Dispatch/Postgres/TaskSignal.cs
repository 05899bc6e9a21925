using System.Collections.Concurrent;

namespace DagMaster.Infrastructure.Dispatch.Postgres;

/// <summary>
/// Wakes long-polling claims when tasks may have arrived on their queues. Each queue has a generation that a
/// pulse completes and replaces, so a waiter never misses a pulse that happens after it started waiting, and
/// an enqueue wakes only the claims waiting on that queue.
/// </summary>
public sealed class TaskSignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _generations = new(StringComparer.Ordinal);

    /// <summary>Completes at the next pulse of any of <paramref name="queues"/>.</summary>
    public Task Next(IReadOnlyCollection<string> queues) => queues.Count == 1
        ? Generation(queues.First()).Task
        : Task.WhenAny(queues.Select(q => Generation(q).Task));

    public void Pulse(string queue)
    {
        if (_generations.TryRemove(queue, out var generation))
        {
            generation.TrySetResult();
        }
    }

    /// <summary>Wakes every waiter: after a reconnect, anything may have been enqueued meanwhile.</summary>
    public void PulseAll()
    {
        foreach (var queue in _generations.Keys)
        {
            Pulse(queue);
        }
    }

    private TaskCompletionSource Generation(string queue) =>
        _generations.GetOrAdd(queue, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
