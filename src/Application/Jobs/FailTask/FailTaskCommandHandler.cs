using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Common.Telemetry;
using DagMaster.Application.Jobs.Common;
using DagMaster.Application.Jobs.CompleteTask;
using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.FailTask;

public sealed class FailTaskCommandHandler(JobExecution execution, ITaskQueue queue, TimeProvider clock)
    : ICommandHandler<FailTaskCommand, TaskResultResponse>
{
    public async ValueTask<TaskResultResponse> Handle(FailTaskCommand command, CancellationToken cancellationToken)
    {
        if (!TaskIds.TryParse(command.TaskId, out var jobId, out var nodeId, out _))
        {
            throw new NotFoundException("Task", command.TaskId);
        }

        var (job, definition) = await execution.GetAsync(jobId, cancellationToken);
        var outcome = job.FailTask(definition, command.TaskId, new TaskFailure(command.Message, command.ErrorType, command.Retryable), clock);
        if (outcome == ResultOutcome.Applied)
        {
            await queue.RemoveAsync(command.TaskId, cancellationToken);
            DagMasterTelemetry.TaskFinished(job, job.FindNode(nodeId)!, command.TaskId, "failed", clock.GetUtcNow());
        }

        await execution.FlushAsync(job, cancellationToken);
        return new TaskResultResponse(outcome.ToString().ToLowerInvariant());
    }
}
