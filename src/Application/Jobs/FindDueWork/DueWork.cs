namespace DagMaster.Application.Jobs.FindDueWork;

public sealed record DueWork(IReadOnlyList<ExpiredTask> ExpiredTasks, IReadOnlyList<Guid> JobsWithDueRetries, IReadOnlyList<Guid> JobsPastDeadline)
{
    public bool IsEmpty => ExpiredTasks.Count == 0 && JobsWithDueRetries.Count == 0 && JobsPastDeadline.Count == 0;
}
