using DagMaster.Application.Abstractions;

namespace DagMaster.Infrastructure.Dispatch.Postgres;

/// <summary>
/// The long-polling claims of this process that found their queues empty. A unit of work that enqueues a task a
/// waiting claim would take hands it over instead: the task is written already claimed for that worker, in the same
/// transaction, and given to the claim after the commit (no wake-up, no claim statement, no race of claims).
/// </summary>
public sealed class WaitingClaims
{
    private readonly Lock _gate = new();
    private readonly List<WaitingClaim> _waiting = [];
    private volatile int _count;

    /// <summary>The workers whose claims are waiting now, one entry per claim.</summary>
    public IReadOnlyList<string> Workers
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Select(c => c.Request.WorkerId).ToList();
            }
        }
    }

    public bool IsEmpty => _count == 0;

    internal void Add(WaitingClaim claim)
    {
        lock (_gate)
        {
            _waiting.Add(claim);
            _count = _waiting.Count;
        }
    }

    /// <summary>Takes the claim out unless a unit of work took it first (then its tasks are on their way).</summary>
    internal bool Remove(WaitingClaim claim)
    {
        lock (_gate)
        {
            var removed = _waiting.Remove(claim);
            _count = _waiting.Count;
            return removed;
        }
    }

    /// <summary>The longest-waiting claim that takes tasks of this queue and handler, now reserved for the caller.</summary>
    internal WaitingClaim? Take(string queue, string handler)
    {
        if (_count == 0)
        {
            return null;
        }

        lock (_gate)
        {
            var index = _waiting.FindIndex(c => c.Accepts(queue, handler));
            if (index < 0)
            {
                return null;
            }

            var claim = _waiting[index];
            _waiting.RemoveAt(index);
            _count = _waiting.Count;
            return claim;
        }
    }
}

/// <summary>One waiting claim: what it takes, and where the unit of work that took it puts the tasks.</summary>
internal sealed class WaitingClaim(ClaimRequest request)
{
    private readonly TaskCompletionSource<IReadOnlyList<ClaimedTask>> _handed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ClaimRequest Request { get; } = request;

    public Task<IReadOnlyList<ClaimedTask>> Handed => _handed.Task;

    public bool Accepts(string queue, string handler) =>
        Request.Queues.Contains(queue, StringComparer.Ordinal) && (Request.Handlers is null || Request.Handlers.Contains(handler, StringComparer.Ordinal));

    /// <summary>The tasks once committed, or none when the unit of work did not commit (the claim then claims again).</summary>
    public void Hand(IReadOnlyList<ClaimedTask> tasks) => _handed.TrySetResult(tasks);
}
