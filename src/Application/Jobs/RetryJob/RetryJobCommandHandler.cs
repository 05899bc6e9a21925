using DagMaster.Application.Jobs.Common;
using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.RetryJob;

public sealed class RetryJobCommandHandler(JobExecution execution, TimeProvider clock) : ICommandHandler<RetryJobCommand>
{
    public async ValueTask<Unit> Handle(RetryJobCommand command, CancellationToken cancellationToken)
    {
        var (job, definition) = await execution.GetAsync(new JobId(command.JobId), ChildSelection.Every, cancellationToken);
        job.Retry(definition, command.Actor, clock);
        await execution.FlushAsync(job, definition, cancellationToken);
        return Unit.Value;
    }
}
