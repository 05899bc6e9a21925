using DagMaster.Domain.Common;

namespace DagMaster.Domain.Jobs.Rules;

public sealed class OnlyFailedOrCancelledJobCanBeRestartedRule(Job job) : IBusinessRule
{
    public string Message => $"job {job.Id} is {job.Status.Text()}; only a failed or cancelled job can be retried or rerun";

    public bool IsBroken() => job.Status is not (JobStatus.Failed or JobStatus.Cancelled);
}
