using DagMaster.Application.Jobs.Common;
using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.RetryDueNodes;

public sealed class RetryDueNodesCommandHandler(JobExecution execution, TimeProvider clock) : ICommandHandler<RetryDueNodesCommand, int>
{
    public async ValueTask<int> Handle(RetryDueNodesCommand command, CancellationToken cancellationToken)
    {
        if (await execution.LoadAsync(new JobId(command.JobId), ChildSelection.WithRetryScheduled, cancellationToken) is not { } loaded)
        {
            return 0;
        }

        var (job, definition) = loaded;
        var retried = job.RetryDueNodes(definition, clock);
        await execution.FlushAsync(job, definition, cancellationToken);
        return retried;
    }
}
