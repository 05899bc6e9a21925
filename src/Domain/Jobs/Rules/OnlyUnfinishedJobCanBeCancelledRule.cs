using DagMaster.Domain.Common;

namespace DagMaster.Domain.Jobs.Rules;

public sealed class OnlyUnfinishedJobCanBeCancelledRule(Job job) : IBusinessRule
{
    public string Message => $"job {job.Id} is {job.Status.Text()} and cannot be cancelled";

    public bool IsBroken() => job.Status.IsTerminal();
}
