namespace DagMaster.Domain.Jobs;

/// <summary>The legal edges of the job and node state machines (engine spec, "Status machines").</summary>
public static class StatusTransitions
{
    private static readonly Dictionary<JobStatus, JobStatus[]> s_job = new()
    {
        [JobStatus.Pending] = [JobStatus.Running, JobStatus.Failed, JobStatus.Cancelled],
        [JobStatus.Running] = [JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled],
        [JobStatus.Completed] = [],
        [JobStatus.Failed] = [JobStatus.Running],
        [JobStatus.Cancelled] = [JobStatus.Running],
    };

    private static readonly Dictionary<NodeStatus, NodeStatus[]> s_node = new()
    {
        [NodeStatus.Pending] = [NodeStatus.Ready, NodeStatus.Skipped, NodeStatus.Cancelled],
        [NodeStatus.Ready] = [NodeStatus.Dispatched, NodeStatus.Completed, NodeStatus.Failed, NodeStatus.Cancelled],
        [NodeStatus.Dispatched] = [NodeStatus.Running, NodeStatus.Completed, NodeStatus.Failed, NodeStatus.Cancelled],
        [NodeStatus.Running] = [NodeStatus.Completed, NodeStatus.Failed, NodeStatus.Cancelled],
        [NodeStatus.Completed] = [],
        // A failed node comes back by a scheduled retry or an operator action; a scheduled retry can be cancelled.
        [NodeStatus.Failed] = [NodeStatus.Ready, NodeStatus.Cancelled],
        [NodeStatus.Skipped] = [],
        [NodeStatus.Cancelled] = [],
    };

    public static bool IsAllowed(JobStatus from, JobStatus to) => s_job[from].Contains(to);

    public static bool IsAllowed(NodeStatus from, NodeStatus to) => s_node[from].Contains(to);

    public static bool IsTerminal(this NodeStatus status) =>
        status is NodeStatus.Completed or NodeStatus.Failed or NodeStatus.Skipped or NodeStatus.Cancelled;

    public static bool IsTerminal(this JobStatus status) =>
        status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;

    public static string Text(this NodeStatus status) => status.ToString().ToLowerInvariant();

    public static string Text(this JobStatus status) => status.ToString().ToLowerInvariant();
}
