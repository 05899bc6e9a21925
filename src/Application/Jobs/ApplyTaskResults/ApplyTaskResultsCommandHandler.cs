using DagMaster.Application.Common.Telemetry;
using DagMaster.Application.Jobs.Common;
using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.ApplyTaskResults;

public sealed class ApplyTaskResultsCommandHandler(JobExecution execution, ITaskDispatcher dispatcher, TimeProvider clock)
    : ICommandHandler<ApplyTaskResultsCommand, IReadOnlyList<IReadOnlyList<ResultOutcome>>>
{
    public async ValueTask<IReadOnlyList<IReadOnlyList<ResultOutcome>>> Handle(ApplyTaskResultsCommand command, CancellationToken cancellationToken)
    {
        var children = command.Jobs
            .SelectMany(j => j.Results.Select(r => (j.JobId, NodeIdOf(r.TaskId))))
            .Distinct()
            .ToList();
        var loaded = await execution.GetManyAsync(command.Jobs.Select(j => j.JobId).ToList(), children, cancellationToken);

        var outcomes = new List<IReadOnlyList<ResultOutcome>>(command.Jobs.Count);
        foreach (var jobResults in command.Jobs)
        {
            var (job, definition) = loaded[jobResults.JobId];
            outcomes.Add(Apply(job, definition, jobResults.Results));
            await execution.FlushAsync(job, definition, cancellationToken);
        }

        return outcomes;
    }

    private List<ResultOutcome> Apply(Job job, Domain.Workflows.WorkflowDefinition definition, IReadOnlyList<TaskResult> results)
    {
        var outcomes = new List<ResultOutcome>(results.Count);
        var finished = new List<string>();
        foreach (var result in results)
        {
            var outcome = result.Failure is { } failure
                ? job.FailTask(definition, result.TaskId, failure, clock, run: result.Run)
                : job.CompleteTask(definition, result.TaskId, result.OutputJson, clock, result.Run);
            outcomes.Add(outcome);
            if (outcome == ResultOutcome.Applied)
            {
                finished.Add(result.TaskId);
                DagMasterTelemetry.TaskFinished(job, job.FindNode(NodeIdOf(result.TaskId))!, result.TaskId, result.Failure is null ? "completed" : "failed", clock.GetUtcNow());
            }
        }

        dispatcher.Finish(finished);
        return outcomes;
    }

    /// <summary>The node a task id names; an id that does not parse is looked up as it is (and found stale).</summary>
    private static string NodeIdOf(string taskId) => TaskIds.TryParse(taskId, out _, out var nodeId, out _) ? nodeId : taskId;
}
