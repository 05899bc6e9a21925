using DagMaster.Application.Jobs.Common;
using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.ExpireTask;

/// <summary>
/// Fails an attempt the sweep found overdue, after asking again under the job's lock and on the database's clock:
/// a heartbeat that extended the lease since the sweep looked keeps the attempt running, and an instance whose
/// clock runs ahead fails nothing early.
/// </summary>
public sealed class ExpireTaskCommandHandler(JobExecution execution, ITaskDispatcher dispatcher, TimeProvider clock) : ICommandHandler<ExpireTaskCommand>
{
    public async ValueTask<Unit> Handle(ExpireTaskCommand command, CancellationToken cancellationToken)
    {
        if (TaskIds.TryParse(command.TaskId, out var jobId, out var nodeId, out _)
            && await execution.LoadAsync(jobId, ChildSelection.Named([nodeId]), cancellationToken) is { } loaded)
        {
            var expiry = await dispatcher.CheckExpiryAsync(command.TaskId, cancellationToken);
            if (expiry == AttemptExpiry.Current)
            {
                return Unit.Value;
            }

            var (job, definition) = loaded;
            var failure = expiry == AttemptExpiry.TimedOut
                ? new TaskFailure($"timed out after {command.TimeoutSeconds}s", "timeout", Retryable: true)
                : new TaskFailure("lease expired", "lease_expired", Retryable: true);
            job.FailTask(definition, command.TaskId, failure, clock, JobEventTypes.NodeTimedOut);
            await execution.FlushAsync(job, definition, cancellationToken);
        }

        dispatcher.Finish([command.TaskId]);
        return Unit.Value;
    }
}
