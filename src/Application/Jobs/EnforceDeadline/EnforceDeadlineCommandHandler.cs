using DagMaster.Application.Jobs.Common;
using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.EnforceDeadline;

public sealed class EnforceDeadlineCommandHandler(JobExecution execution, TimeProvider clock) : ICommandHandler<EnforceDeadlineCommand, bool>
{
    public async ValueTask<bool> Handle(EnforceDeadlineCommand command, CancellationToken cancellationToken)
    {
        if (await execution.LoadAsync(new JobId(command.JobId), ChildSelection.None, cancellationToken) is not { } loaded)
        {
            return false;
        }

        var (job, definition) = loaded;
        var failed = job.EnforceDeadline(clock);
        await execution.FlushAsync(job, definition, cancellationToken);
        return failed;
    }
}
