namespace DagMaster.Worker.Hosting;

/// <summary>Why the host cancelled a running handler (the first reason wins).</summary>
internal enum TaskStopReason
{
    None,

    /// <summary><c>timeout_seconds</c> elapsed: report a retryable <c>timeout</c> failure.</summary>
    TimedOut,

    /// <summary>A heartbeat answered <c>cancel: true</c>: report nothing.</summary>
    CancelRequested,

    /// <summary>The attempt is no longer current (410/404): report nothing.</summary>
    Gone,

    /// <summary>The worker stopped and the drain timeout passed: report nothing, the lease lapses.</summary>
    Abandoned,
}
