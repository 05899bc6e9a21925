using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Jobs.Common;
using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.CancelJob;

public sealed class CancelJobCommandHandler(JobExecution execution, TimeProvider clock) : ICommandHandler<CancelJobCommand>
{
    public async ValueTask<Unit> Handle(CancelJobCommand command, CancellationToken cancellationToken)
    {
        var (job, definition) = await execution.GetAsync(new JobId(command.JobId), ChildSelection.None, cancellationToken);
        if (command.PlatformId is not null && job.PlatformId != command.PlatformId)
        {
            throw new NotFoundException("Job", command.JobId.ToString());
        }

        job.Cancel(command.Actor, command.Reason, clock);
        await execution.FlushAsync(job, definition, cancellationToken);
        return Unit.Value;
    }
}
