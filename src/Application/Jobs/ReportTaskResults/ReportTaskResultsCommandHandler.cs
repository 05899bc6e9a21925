using System.Text.Json;
using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Jobs.ApplyTaskResults;
using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.ReportTaskResults;

/// <summary>
/// Hands every result to the group commit at once, so the results of one call (and of other calls arriving
/// meanwhile) share transactions.
/// </summary>
public sealed class ReportTaskResultsCommandHandler(TaskResultBatcher batcher)
    : ICommandHandler<ReportTaskResultsCommand, IReadOnlyList<ReportedOutcome>>
{
    private const string NotFound = "not_found";

    public async ValueTask<IReadOnlyList<ReportedOutcome>> Handle(ReportTaskResultsCommand command, CancellationToken cancellationToken)
    {
        var outcomes = command.Results.Select(r => SubmitAsync(r, command.WorkerId)).ToList();
        await Task.WhenAll(outcomes.Where(o => o is not null).Select(o => (Task)o!).Select(IgnoreNotFound));
        return command.Results.Select((r, i) => new ReportedOutcome(r.TaskId, OutcomeText(outcomes[i]))).ToList();
    }

    private Task<ResultOutcome>? SubmitAsync(ReportedResult result, string? workerId)
    {
        if (!TaskIds.TryParse(result.TaskId, out var jobId, out _, out _))
        {
            return null;
        }

        var run = TaskRun.Of(result.DurationMs, workerId);
        return batcher.SubmitAsync(jobId, result.Error is { } error
            ? TaskResult.Failed(result.TaskId, new TaskFailure(error.Message, error.Type, error.Retryable), run)
            : TaskResult.Completed(result.TaskId, result.Output is { ValueKind: JsonValueKind.Object } output ? output.GetRawText() : "{}", run));
    }

    /// <summary>A result for a job that does not exist is answered per result; anything else fails the call.</summary>
    private static async Task IgnoreNotFound(Task outcome)
    {
        try
        {
            await outcome;
        }
        catch (NotFoundException)
        {
        }
    }

    private static string OutcomeText(Task<ResultOutcome>? outcome) => outcome switch
    {
        null => NotFound,
        { IsCompletedSuccessfully: true } => outcome.Result.ToString().ToLowerInvariant(),
        _ => NotFound,
    };
}
