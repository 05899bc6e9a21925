using System.Text.Json;
using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Jobs.ApplyTaskResults;
using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.CompleteTask;

public sealed class CompleteTaskCommandHandler(TaskResultBatcher results) : ICommandHandler<CompleteTaskCommand, TaskResultResponse>
{
    public async ValueTask<TaskResultResponse> Handle(CompleteTaskCommand command, CancellationToken cancellationToken)
    {
        if (!TaskIds.TryParse(command.TaskId, out var jobId, out _, out _))
        {
            throw new NotFoundException("Task", command.TaskId);
        }

        var output = command.Output is { ValueKind: JsonValueKind.Object } o ? o.GetRawText() : "{}";
        var outcome = await results.SubmitAsync(jobId, TaskResult.Completed(command.TaskId, output, TaskRun.Of(command.DurationMs, command.WorkerId)));
        return new TaskResultResponse(outcome.ToString().ToLowerInvariant());
    }
}
