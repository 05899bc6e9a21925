using System.Collections.Concurrent;

namespace DagMaster.Infrastructure.Persistence.Repositories;

/// <summary>
/// Large job inputs (a fan-out's item list can be megabytes) kept in memory, so that the many steps of such a job
/// do not each read, send and materialise the same column again. Inputs never change after submission, so an
/// entry never goes stale. Bounded: the oldest entries leave first once the total size passes the limit.
/// </summary>
internal sealed class JobInputsCache
{
    /// <summary>Inputs shorter than this are cheaper to read than to remember.</summary>
    public const int MinLength = 16 * 1024;

    private const long MaxTotalLength = 64L * 1024 * 1024;

    private readonly ConcurrentDictionary<Guid, string> _inputs = new();
    private readonly ConcurrentQueue<Guid> _order = new();
    private long _totalLength;

    public bool TryGet(Guid jobId, out string inputs) => _inputs.TryGetValue(jobId, out inputs!);

    public void Remember(Guid jobId, string inputs)
    {
        if (inputs.Length < MinLength || inputs.Length > MaxTotalLength || !_inputs.TryAdd(jobId, inputs))
        {
            return;
        }

        _order.Enqueue(jobId);
        Interlocked.Add(ref _totalLength, inputs.Length);
        while (Interlocked.Read(ref _totalLength) > MaxTotalLength && _order.TryDequeue(out var oldest))
        {
            if (_inputs.TryRemove(oldest, out var removed))
            {
                Interlocked.Add(ref _totalLength, -removed.Length);
            }
        }
    }
}
