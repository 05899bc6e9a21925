using System.Text.Json;
using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Common.GroupCommit;
using DagMaster.Application.Common.Validation;
using DagMaster.Application.Jobs.CompleteTask;
using DagMaster.Application.Jobs.FailTask;
using DagMaster.Application.Jobs.ReportTaskResults;
using DagMaster.Application.Jobs.ReportTaskStatus;
using DagMaster.Domain.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Application.Jobs.ApplyTaskResults;

/// <summary>
/// Where worker results enter: the HTTP worker protocol, the original workers' callbacks and the results queue
/// hand their reports here. A report is validated, then each result joins the group commit (keyed by job), which
/// applies a batch as one <see cref="ApplyTaskResultsCommand"/> in a scope of its own: one transaction, one commit.
/// </summary>
public sealed class TaskResults
{
    /// <summary>The most results one transaction applies.</summary>
    public const int MaxResults = 500;

    /// <summary>The most jobs one transaction changes (and row locks it holds).</summary>
    public const int MaxJobs = 64;

    /// <summary>A job with more results waiting than this is applied in a transaction of its own.</summary>
    public const int SharedJobResults = 16;

    /// <summary>Transactions applying results at once: enough to overlap one's round trips with another's work.</summary>
    public const int MaxTransactions = 4;

    private const string NotFound = "not_found";

    private readonly IServiceScopeFactory _scopes;
    private readonly IEnumerable<IValidator<TaskCompletionReport>> _completionValidators;
    private readonly IEnumerable<IValidator<TaskFailureReport>> _failureValidators;
    private readonly IEnumerable<IValidator<TaskResultsReport>> _resultsValidators;
    private readonly IEnumerable<IValidator<TaskStatusReport>> _statusValidators;
    private readonly GroupCommit<JobId, TaskResult, ResultOutcome> _commit;

    public TaskResults(
        IServiceScopeFactory scopes,
        IEnumerable<IValidator<TaskCompletionReport>> completionValidators,
        IEnumerable<IValidator<TaskFailureReport>> failureValidators,
        IEnumerable<IValidator<TaskResultsReport>> resultsValidators,
        IEnumerable<IValidator<TaskStatusReport>> statusValidators)
    {
        _scopes = scopes;
        _completionValidators = completionValidators;
        _failureValidators = failureValidators;
        _resultsValidators = resultsValidators;
        _statusValidators = statusValidators;
        _commit = new GroupCommit<JobId, TaskResult, ResultOutcome>(
            new GroupCommitLimits(MaxTransactions, MaxJobs, MaxResults, SharedJobResults), ApplyAsync);
    }

    /// <summary>A worker's success; <see cref="NotFoundException"/> when the task id names no job.</summary>
    public async Task<TaskResultResponse> CompleteAsync(TaskCompletionReport report, CancellationToken cancellationToken)
    {
        await MessageValidation.ThrowIfInvalidAsync(_completionValidators, report, cancellationToken);
        var result = TaskResult.Completed(report.TaskId, OutputOf(report.Output), TaskRun.Of(report.DurationMs, report.WorkerId));
        return Answer(await _commit.AddAsync(JobOf(report.TaskId), result));
    }

    /// <summary>A worker's failure; <see cref="NotFoundException"/> when the task id names no job.</summary>
    public async Task<TaskResultResponse> FailAsync(TaskFailureReport report, CancellationToken cancellationToken)
    {
        await MessageValidation.ThrowIfInvalidAsync(_failureValidators, report, cancellationToken);
        var failure = new TaskFailure(report.Message, report.ErrorType, report.Retryable);
        var result = TaskResult.Failed(report.TaskId, failure, TaskRun.Of(report.DurationMs, report.WorkerId));
        return Answer(await _commit.AddAsync(JobOf(report.TaskId), result));
    }

    /// <summary>
    /// Many results at once, so they (and other calls' results arriving meanwhile) share transactions. The report
    /// is validated whole; each result gets its own outcome, <c>not_found</c> for a task id that names no job.
    /// </summary>
    public async Task<IReadOnlyList<ReportedOutcome>> ReportAsync(TaskResultsReport report, CancellationToken cancellationToken)
    {
        await MessageValidation.ThrowIfInvalidAsync(_resultsValidators, report, cancellationToken);
        var outcomes = report.Results.Select(r => Add(r, report.WorkerId)).ToList();
        await Task.WhenAll(outcomes.Where(o => o is not null).Select(o => IgnoreNotFound(o!)));
        return [.. report.Results.Select((r, i) => new ReportedOutcome(r.TaskId, OutcomeText(outcomes[i])))];
    }

    /// <summary>
    /// A report in the original system's form: <c>received</c> and <c>running</c> start the task
    /// (<see cref="StartTaskCommand"/>); <c>completed</c> and <c>failed</c> join the group commit.
    /// </summary>
    public async Task<TaskResultResponse> ReportStatusAsync(TaskStatusReport report, CancellationToken cancellationToken)
    {
        await MessageValidation.ThrowIfInvalidAsync(_statusValidators, report, cancellationToken);
        var jobId = JobOf(report.TaskId);
        var run = TaskRun.Of(report.DurationMs, report.WorkerId);
        switch (report.Status)
        {
            case "received" or "running":
                await using (var scope = _scopes.CreateAsyncScope())
                {
                    var started = await scope.ServiceProvider.GetRequiredService<ISender>()
                        .Send(new StartTaskCommand(report.TaskId, report.WorkerId, report.ProgressJson), cancellationToken);
                    return new TaskResultResponse(started.Status switch
                    {
                        HeartbeatStatus.NotFound => throw new NotFoundException("Task", report.TaskId),
                        HeartbeatStatus.Current => "applied",
                        _ => "stale",
                    });
                }

            case "completed":
                return Answer(await _commit.AddAsync(jobId, TaskResult.Completed(report.TaskId, OutputOf(report.Output), run)));
            default:
                var failure = new TaskFailure(
                    string.IsNullOrWhiteSpace(report.ErrorMessage) ? "the worker reported a failure without a message" : report.ErrorMessage,
                    report.ErrorType ?? "worker_error",
                    report.Retryable);
                return Answer(await _commit.AddAsync(jobId, TaskResult.Failed(report.TaskId, failure, run)));
        }
    }

    private async Task<IReadOnlyList<IReadOnlyList<ResultOutcome>>> ApplyAsync(IReadOnlyList<KeyedItems<JobId, TaskResult>> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new ApplyTaskResultsCommand([.. batch.Select(b => new JobTaskResults(b.Key, b.Items))]), CancellationToken.None);
    }

    private Task<ResultOutcome>? Add(ReportedResult result, string? workerId)
    {
        if (!TaskIds.TryParse(result.TaskId, out var jobId, out _, out _))
        {
            return null;
        }

        var run = TaskRun.Of(result.DurationMs, workerId);
        return _commit.AddAsync(jobId, result.Error is { } error
            ? TaskResult.Failed(result.TaskId, new TaskFailure(error.Message, error.Type, error.Retryable), run)
            : TaskResult.Completed(result.TaskId, OutputOf(result.Output), run));
    }

    private static JobId JobOf(string taskId) =>
        TaskIds.TryParse(taskId, out var jobId, out _, out _) ? jobId : throw new NotFoundException("Task", taskId);

    private static string OutputOf(JsonElement? output) => output is { ValueKind: JsonValueKind.Object } o ? o.GetRawText() : "{}";

    private static TaskResultResponse Answer(ResultOutcome outcome) => new(outcome.ToString().ToLowerInvariant());

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
        { IsCompletedSuccessfully: true } => outcome.Result.ToString().ToLowerInvariant(),
        _ => NotFound,
    };
}
