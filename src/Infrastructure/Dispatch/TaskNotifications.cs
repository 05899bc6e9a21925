namespace DagMaster.Infrastructure.Dispatch;

/// <summary>Queues that received tasks in the current unit of work; notified when it commits.</summary>
public sealed class TaskNotifications(TaskSignal signal)
{
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);

    public void Add(string queue) => _pending.Add(queue);

    public IReadOnlyCollection<string> TakePending()
    {
        var queues = _pending.ToList();
        _pending.Clear();
        return queues;
    }

    /// <summary>Wakes this process's claims waiting on <paramref name="queues"/> at once, without waiting for the NOTIFY round trip.</summary>
    public void SignalLocal(IEnumerable<string> queues)
    {
        foreach (var queue in queues)
        {
            signal.Pulse(queue);
        }
    }
}
