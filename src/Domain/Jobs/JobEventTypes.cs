namespace DagMaster.Domain.Jobs;

/// <summary>The timeline's event type names.</summary>
public static class JobEventTypes
{
    public const string JobCreated = "job_created";
    public const string JobStarted = "job_started";
    public const string JobCompleted = "job_completed";
    public const string JobFailed = "job_failed";
    public const string JobCancelled = "job_cancelled";
    public const string NodeReady = "node_ready";
    public const string NodeDispatched = "node_dispatched";

    /// <summary>A fan-out dispatched a batch of its children for the first time (one entry, not one per child).</summary>
    public const string ChildrenDispatched = "children_dispatched";

    public const string NodeStarted = "node_started";
    public const string NodeProgress = "node_progress";
    public const string NodeCompleted = "node_completed";
    public const string NodeFailed = "node_failed";
    public const string RetryScheduled = "retry_scheduled";
    public const string NodeTimedOut = "node_timed_out";
    public const string NodeSkipped = "node_skipped";
    public const string NodeCancelled = "node_cancelled";
    public const string StaleResultIgnored = "stale_result_ignored";
    public const string OperatorAction = "operator_action";
    public const string ConditionWarning = "condition_warning";
}
