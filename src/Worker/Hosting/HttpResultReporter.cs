using System.Net;
using System.Text.Json.Nodes;
using DagMaster.Worker.Client;
using Microsoft.Extensions.Logging;

namespace DagMaster.Worker.Hosting;

/// <summary>Reports results with DagMaster's HTTP <c>complete</c>/<c>fail</c> calls, retrying transient errors with backoff.</summary>
internal sealed class HttpResultReporter(DagMasterWorkerClient client, WorkerOptions options, ILogger logger, TimeProvider timeProvider) : ITaskResultReporter
{
    /// <summary>The HTTP protocol has no "running" report: the claim itself marks the task running.</summary>
    public Task ReportRunningAsync(TaskMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ReportCompletedAsync(TaskMessage message, JsonObject output, long durationMs, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(message, "complete", ct => client.CompleteAsync(message.TaskId, output, durationMs, ct), cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge)
        {
            throw new TaskOutputRefusedException(ex.Message, ex);
        }
    }

    public Task ReportFailedAsync(TaskMessage message, TaskError error, long durationMs, CancellationToken cancellationToken) =>
        SendAsync(message, "fail", ct => client.FailAsync(message.TaskId, error, durationMs, ct), cancellationToken);

    private async Task SendAsync(TaskMessage message, string call, Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await send(cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < options.ReportAttempts && TransientErrors.IsTransient(ex, cancellationToken))
            {
                var delay = options.RetryDelayAfter(attempt);
                logger.LogWarning("Result '{Call}' of task {TaskId} failed (attempt {Attempt}): {Error}; retrying in {Delay}", call, message.TaskId, attempt, ex.Message, delay);
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
        }
    }
}
