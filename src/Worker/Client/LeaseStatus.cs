namespace DagMaster.Worker.Client;

/// <summary>What DagMaster says about a running attempt when the worker heartbeats or checkpoints.</summary>
public enum LeaseStatus
{
    /// <summary>Keep working; the lease was extended.</summary>
    Active,

    /// <summary>The job or task was cancelled: stop working and report nothing.</summary>
    CancelRequested,

    /// <summary>410: the attempt is no longer current (e.g. the lease lapsed and it was retried): stop, report nothing.</summary>
    Gone,

    /// <summary>404: DagMaster does not know the task: stop, report nothing.</summary>
    NotFound,
}
