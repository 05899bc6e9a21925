using System.Text.Json;
using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Jobs.ApplyTaskResults;
using DagMaster.Application.Jobs.CompleteTask;
using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.ReportTaskStatus;

public sealed class ReportTaskStatusCommandHandler(TaskResultBatcher results, ITaskLeaseStore leases)
    : ICommandHandler<ReportTaskStatusCommand, TaskResultResponse>
{
    public async ValueTask<TaskResultResponse> Handle(ReportTaskStatusCommand command, CancellationToken cancellationToken)
    {
        if (!TaskIds.TryParse(command.TaskId, out var jobId, out _, out _))
        {
            throw new NotFoundException("Task", command.TaskId);
        }

        switch (command.Status)
        {
            case "received" or "running":
                var started = await leases.StartAsync(command.TaskId, command.WorkerId, cancellationToken);
                if (command.ProgressJson is not null && started.Status == HeartbeatStatus.Current)
                {
                    await leases.HeartbeatAsync(command.TaskId, command.ProgressJson, cancellationToken);
                }

                return new TaskResultResponse(started.Status switch
                {
                    HeartbeatStatus.NotFound => throw new NotFoundException("Task", command.TaskId),
                    HeartbeatStatus.Current => "applied",
                    _ => "stale",
                });
            case "completed":
                var output = command.Output is { ValueKind: JsonValueKind.Object } o ? o.GetRawText() : "{}";
                return Answer(await results.SubmitAsync(jobId, TaskResult.Completed(command.TaskId, output, TaskRun.Of(command.DurationMs, command.WorkerId))));
            default:
                var failure = new TaskFailure(
                    string.IsNullOrWhiteSpace(command.ErrorMessage) ? "the worker reported a failure without a message" : command.ErrorMessage,
                    command.ErrorType ?? "worker_error",
                    command.Retryable);
                return Answer(await results.SubmitAsync(jobId, TaskResult.Failed(command.TaskId, failure, TaskRun.Of(command.DurationMs, command.WorkerId))));
        }
    }

    private static TaskResultResponse Answer(ResultOutcome outcome) => new(outcome.ToString().ToLowerInvariant());
}
