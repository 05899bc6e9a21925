using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.ApplyTaskResults;

/// <summary>A worker's verdict on one task attempt: its output, or its failure.</summary>
public sealed record TaskResult(string TaskId, string? OutputJson, TaskFailure? Failure)
{
    public static TaskResult Completed(string taskId, string outputJson) => new(taskId, outputJson, null);

    public static TaskResult Failed(string taskId, TaskFailure failure) => new(taskId, null, failure);
}
