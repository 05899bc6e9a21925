using DagMaster.Application.Common.Telemetry;
using DagMaster.Application.Jobs.Common;
using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.ApplyTaskResults;

public sealed class ApplyTaskResultsCommandHandler(JobExecution execution, ITaskQueue queue, TimeProvider clock)
    : ICommandHandler<ApplyTaskResultsCommand, IReadOnlyList<ResultOutcome>>
{
    public async ValueTask<IReadOnlyList<ResultOutcome>> Handle(ApplyTaskResultsCommand command, CancellationToken cancellationToken)
    {
        var nodeIds = command.Results.Select(r => TaskIds.TryParse(r.TaskId, out _, out var nodeId, out _) ? nodeId : r.TaskId);
        var (job, definition) = await execution.GetAsync(command.JobId, ChildSelection.Named(nodeIds), cancellationToken);
        var outcomes = new List<ResultOutcome>(command.Results.Count);
        var finished = new List<string>();
        foreach (var result in command.Results)
        {
            var outcome = result.Failure is { } failure
                ? job.FailTask(definition, result.TaskId, failure, clock)
                : job.CompleteTask(definition, result.TaskId, result.OutputJson, clock);
            outcomes.Add(outcome);
            if (outcome == ResultOutcome.Applied)
            {
                finished.Add(result.TaskId);
                TaskIds.TryParse(result.TaskId, out _, out var nodeId, out _);
                DagMasterTelemetry.TaskFinished(job, job.FindNode(nodeId)!, result.TaskId, result.Failure is null ? "completed" : "failed", clock.GetUtcNow());
            }
        }

        queue.Remove(finished);
        await execution.FlushAsync(job, definition, cancellationToken);
        return outcomes;
    }
}
