using DagMaster.Application.Abstractions;

namespace DagMaster.Infrastructure.Dispatch.Postgres;

/// <summary>
/// Claims of the same queues run one at a time in an instance (ADR-0126). Claims that run at once all scan the
/// same head of the queue's index and skip each other's locked rows, so each pays for the others' rows; one after
/// another, each finds its tasks at the head, and a claim waits at most for the one before it (a few ms).
/// A fixed number of lanes keeps the memory bounded whatever queue sets workers name; two sets sharing a lane
/// only take turns.
/// </summary>
internal sealed class ClaimLanes
{
    private const int LaneCount = 64;

    private readonly SemaphoreSlim[] _lanes = [.. Enumerable.Range(0, LaneCount).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Waits for the lane of the request's queues (and handlers); dispose the answer to leave it.</summary>
    public async Task<IDisposable> EnterAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        var lane = _lanes[LaneOf(request)];
        await lane.WaitAsync(cancellationToken);
        return new Turn(lane);
    }

    internal static int LaneOf(ClaimRequest request)
    {
        var hash = new HashCode();
        foreach (var queue in request.Queues)
        {
            hash.Add(queue, StringComparer.Ordinal);
        }

        hash.Add(request.Handlers is null);
        foreach (var handler in request.Handlers ?? [])
        {
            hash.Add(handler, StringComparer.Ordinal);
        }

        return (int)((uint)hash.ToHashCode() % LaneCount);
    }

    private sealed class Turn(SemaphoreSlim lane) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                lane.Release();
            }
        }
    }
}
