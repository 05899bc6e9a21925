using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.ApplyTaskResults;

/// <summary>A worker's verdict on one task attempt: its output, or its failure; and what it told about the run.</summary>
public sealed record TaskResult(string TaskId, string? OutputJson, TaskFailure? Failure, TaskRun? Run = null)
{
    public static TaskResult Completed(string taskId, string outputJson, TaskRun? run = null) => new(taskId, outputJson, null, run);

    public static TaskResult Failed(string taskId, TaskFailure failure, TaskRun? run = null) => new(taskId, null, failure, run);
}
