namespace DagMaster.Worker.Hosting;

/// <summary>How a run through <see cref="TaskRunner"/> ended, as far as the transport that delivered the task cares.</summary>
internal enum TaskRunResult
{
    /// <summary>A result (completed or failed) was reported.</summary>
    Reported,

    /// <summary>DagMaster cancelled the task or it is no longer current: nothing was reported, on purpose.</summary>
    Stopped,

    /// <summary>The result could not be reported: the task must be delivered again.</summary>
    NotReported,

    /// <summary>The worker stopped before the task ended: nothing was reported; the task must be delivered again.</summary>
    Abandoned,
}
