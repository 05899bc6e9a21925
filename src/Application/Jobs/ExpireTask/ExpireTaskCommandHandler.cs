using DagMaster.Application.Jobs.Common;
using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.ExpireTask;

public sealed class ExpireTaskCommandHandler(JobExecution execution, ITaskDispatcher dispatcher, TimeProvider clock) : ICommandHandler<ExpireTaskCommand>
{
    public async ValueTask<Unit> Handle(ExpireTaskCommand command, CancellationToken cancellationToken)
    {
        if (TaskIds.TryParse(command.TaskId, out var jobId, out var nodeId, out _)
            && await execution.LoadAsync(jobId, ChildSelection.Named([nodeId]), cancellationToken) is { } loaded)
        {
            var (job, definition) = loaded;
            var failure = command.TimedOut
                ? new TaskFailure($"timed out after {command.TimeoutSeconds}s", "timeout", Retryable: true)
                : new TaskFailure("lease expired", "lease_expired", Retryable: true);
            job.FailTask(definition, command.TaskId, failure, clock, JobEventTypes.NodeTimedOut);
            await execution.FlushAsync(job, definition, cancellationToken);
        }

        dispatcher.Finish([command.TaskId]);
        return Unit.Value;
    }
}
