namespace DagMaster.Application.Abstractions;

public enum HeartbeatStatus
{
    /// <summary>The attempt is current: the lease was extended.</summary>
    Current = 0,

    /// <summary>The attempt is current but its job or node was cancelled: the worker should stop.</summary>
    Cancelled = 1,

    /// <summary>The attempt is no longer the node's current one (answered 410).</summary>
    Gone = 2,

    /// <summary>No such task.</summary>
    NotFound = 3,
}
