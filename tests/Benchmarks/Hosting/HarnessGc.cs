namespace DagMaster.Benchmarks.Hosting;

/// <summary>
/// Keeps the harness's own garbage collections out of the latencies it times. The harness measures API calls from
/// its own process, so a collection of its heap (the earlier rows' worker records, the fan-out's item list) pauses
/// every call in flight and reads as DagMaster's tail: in one full run four concurrent <c>GET /jobs</c> calls took
/// 82–85 ms at the same instant while the harness was paused for 82 ms. A window starts right after a full
/// collection, so that none falls due within its second or so, and says how long the harness was paused within it,
/// which the row reports.
/// </summary>
public sealed class HarnessGc
{
    private readonly TimeSpan _pausedBefore;

    private HarnessGc()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        _pausedBefore = GC.GetTotalPauseDuration();
    }

    /// <summary>Collects now and starts a timed window.</summary>
    public static HarnessGc QuietWindow() => new();

    /// <summary>How long the harness's collections paused it since the window started.</summary>
    public double PausedMilliseconds => (GC.GetTotalPauseDuration() - _pausedBefore).TotalMilliseconds;
}
