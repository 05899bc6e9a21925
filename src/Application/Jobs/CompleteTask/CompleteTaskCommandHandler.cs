using System.Text.Json;
using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Common.Telemetry;
using DagMaster.Application.Jobs.Common;
using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.CompleteTask;

public sealed class CompleteTaskCommandHandler(JobExecution execution, ITaskQueue queue, TimeProvider clock)
    : ICommandHandler<CompleteTaskCommand, TaskResultResponse>
{
    public async ValueTask<TaskResultResponse> Handle(CompleteTaskCommand command, CancellationToken cancellationToken)
    {
        if (!TaskIds.TryParse(command.TaskId, out var jobId, out var nodeId, out _))
        {
            throw new NotFoundException("Task", command.TaskId);
        }

        var (job, definition) = await execution.GetAsync(jobId, cancellationToken);
        var output = command.Output is { ValueKind: JsonValueKind.Object } o ? o.GetRawText() : "{}";
        var outcome = job.CompleteTask(definition, command.TaskId, output, clock);
        if (outcome == ResultOutcome.Applied)
        {
            await queue.RemoveAsync(command.TaskId, cancellationToken);
            DagMasterTelemetry.TaskFinished(job, job.FindNode(nodeId)!, command.TaskId, "completed", clock.GetUtcNow());
        }

        await execution.FlushAsync(job, cancellationToken);
        return new TaskResultResponse(outcome.ToString().ToLowerInvariant());
    }
}
