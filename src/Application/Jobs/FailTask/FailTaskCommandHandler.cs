using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Jobs.ApplyTaskResults;
using DagMaster.Application.Jobs.CompleteTask;
using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.FailTask;

public sealed class FailTaskCommandHandler(TaskResultBatcher results) : ICommandHandler<FailTaskCommand, TaskResultResponse>
{
    public async ValueTask<TaskResultResponse> Handle(FailTaskCommand command, CancellationToken cancellationToken)
    {
        if (!TaskIds.TryParse(command.TaskId, out var jobId, out _, out _))
        {
            throw new NotFoundException("Task", command.TaskId);
        }

        var failure = new TaskFailure(command.Message, command.ErrorType, command.Retryable);
        var outcome = await results.SubmitAsync(jobId, TaskResult.Failed(command.TaskId, failure, TaskRun.Of(command.DurationMs, command.WorkerId)));
        return new TaskResultResponse(outcome.ToString().ToLowerInvariant());
    }
}
