using DagMaster.Application.Jobs.EnforceDeadline;
using DagMaster.Application.Jobs.ExpireTask;
using DagMaster.Application.Jobs.FindDueWork;
using DagMaster.Application.Jobs.RetryDueNodes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DagMaster.Infrastructure.Scheduling.Quartz;

/// <summary>
/// The safety net and the clock (every ORCHESTRATOR_POLL_INTERVAL): expired leases and task timeouts, due
/// retries, job deadlines. Each item is its own command in its own scope, so one job's trouble never blocks
/// another and every change happens under that job's row lock.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class SweepJob(IServiceScopeFactory scopes, ILogger<SweepJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        DueWork work;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            work = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new FindDueWorkQuery(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Typically the database is unreachable; the next sweep tries again and /readyz reports it.
            LogUnavailable(ex.GetType().Name, ex.Message);
            return;
        }

        foreach (var expired in work.ExpiredTasks)
        {
            await SendAsync(new ExpireTaskCommand(expired.TaskId, expired.TimeoutSeconds), cancellationToken);
        }

        foreach (var jobId in work.JobsWithDueRetries)
        {
            await SendAsync(new RetryDueNodesCommand(jobId), cancellationToken);
        }

        foreach (var jobId in work.JobsPastDeadline)
        {
            await SendAsync(new EnforceDeadlineCommand(jobId), cancellationToken);
        }
    }

    private async Task SendAsync<T>(T command, CancellationToken cancellationToken)
        where T : IBaseCommand
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send((object)command, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, typeof(T).Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep skipped: {Error}: {Message}")]
    private partial void LogUnavailable(string error, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweep step {Command} failed; it is retried on the next sweep")]
    private partial void LogFailed(Exception exception, string command);
}
