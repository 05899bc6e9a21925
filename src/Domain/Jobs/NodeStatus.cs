namespace DagMaster.Domain.Jobs;

public enum NodeStatus
{
    Pending = 0,
    Ready = 1,
    Dispatched = 2,
    Running = 3,
    Completed = 4,
    Failed = 5,
    Skipped = 6,
    Cancelled = 7,
}
