using System.Text.Json.Nodes;
using DagMaster.Worker.Client;
using Microsoft.Extensions.Logging;

namespace DagMaster.Worker.Hosting;

/// <summary>
/// Runs one task whichever transport delivered it: finds its handler, reports it running, runs it in a
/// <see cref="TaskSession"/> (heartbeats, checkpoints, timeout, cancellation), turns the outcome into a result and
/// reports it through the transport's <see cref="ITaskResultReporter"/>. The caller holds a concurrency slot for the
/// task; it is released when the handler has really ended.
/// </summary>
internal sealed class TaskRunner(
    IReadOnlyDictionary<string, ITaskHandler> handlers,
    DagMasterWorkerClient client,
    WorkerOptions options,
    ILogger logger,
    TimeProvider timeProvider)
{
    public async Task<TaskRunResult> RunAsync(TaskMessage message, ITaskResultReporter reporter, RunningTasks running)
    {
        var startedAt = timeProvider.GetTimestamp();
        using var span = WorkerTelemetry.StartTask(message);
        Task<JsonObject>? handlerTask = null;
        var abortToken = running.Abort.Token;
        try
        {
            if (!handlers.TryGetValue(message.Handler, out var handler))
            {
                var error = new TaskError(
                    $"No handler named '{message.Handler}' is registered on worker '{options.WorkerId}'.",
                    "unknown_handler",
                    Retryable: false);
                return await ReportFailureAsync(reporter, message, error, startedAt, abortToken);
            }

            if (await ReportAsync(message, "running", ct => reporter.ReportRunningAsync(message, ct), abortToken) is { } notRunning)
            {
                return notRunning;
            }

            await using var session = new TaskSession(message, client, options, logger, timeProvider, abortToken);
            var context = new TaskContext(message, session);
            logger.LogInformation("Running task {TaskId} ({Handler}, attempt {Attempt}/{MaxAttempts})", message.TaskId, message.Handler, message.Attempt, message.MaxAttempts);
            session.Start();
            handlerTask = Task.Run(() => handler.HandleAsync(context, session.Token));

            JsonObject? output = null;
            Exception? exception = null;
            try
            {
                output = await handlerTask.WaitAsync(session.Token);
            }
            catch (Exception ex)
            {
                exception = ex;
            }

            var reason = session.Finish();
            await session.StopHeartbeatsAsync();
            if (!handlerTask.IsCompleted)
            {
                // Stopped by its token: give the handler a moment to observe it and clean up.
                await WaitQuietlyAsync(handlerTask, WorkerHost.CancellationGrace);
            }

            return await ReportOutcomeAsync(reporter, message, reason, output, exception, startedAt, abortToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Task {TaskId} could not be run or reported; it will be delivered again", message.TaskId);
            return TaskRunResult.NotReported;
        }
        finally
        {
            ReleaseSlotWhenHandlerEnds(handlerTask, message, running);
        }
    }

    private async Task<TaskRunResult> ReportOutcomeAsync(
        ITaskResultReporter reporter,
        TaskMessage message,
        TaskStopReason reason,
        JsonObject? output,
        Exception? exception,
        long startedAt,
        CancellationToken abortToken)
    {
        switch (reason)
        {
            case TaskStopReason.TimedOut:
                logger.LogWarning("Task {TaskId} timed out after {TimeoutSeconds}s", message.TaskId, message.TimeoutSeconds);
                return await ReportFailureAsync(reporter, message, new TaskError($"timed out after {message.TimeoutSeconds}s", "timeout", Retryable: true), startedAt, abortToken);
            case TaskStopReason.CancelRequested or TaskStopReason.Gone:
                logger.LogInformation("Task {TaskId} stopped ({Reason}); nothing is reported", message.TaskId, reason);
                return TaskRunResult.Stopped;
            case TaskStopReason.Abandoned:
                logger.LogWarning("Task {TaskId} abandoned at shutdown; nothing is reported and DagMaster retries it", message.TaskId);
                return TaskRunResult.Abandoned;
        }

        if (exception is not null)
        {
            var error = exception switch
            {
                TaskFailedException failed => new TaskError(failed.Message, failed.ErrorType, failed.Retryable),
                _ => new TaskError(string.IsNullOrEmpty(exception.Message) ? exception.GetType().Name : exception.Message, exception.GetType().Name, Retryable: true),
            };
            logger.LogWarning(exception, "Task {TaskId} failed ({Type}, retryable: {Retryable})", message.TaskId, error.Type, error.Retryable);
            return await ReportFailureAsync(reporter, message, error, startedAt, abortToken);
        }

        var durationMs = ElapsedMs(startedAt);
        try
        {
            if (await ReportAsync(message, "complete", ct => reporter.ReportCompletedAsync(message, output ?? [], durationMs, ct), abortToken) is { } notReported)
            {
                return notReported;
            }
        }
        catch (TaskOutputRefusedException refused)
        {
            // The output itself was refused (e.g. over the size limit): retrying would produce it again.
            return await ReportFailureAsync(reporter, message, new TaskError(refused.Message, "output_rejected", Retryable: false), startedAt, abortToken);
        }

        logger.LogInformation("Task {TaskId} completed in {DurationMs} ms", message.TaskId, durationMs);
        return TaskRunResult.Reported;
    }

    private async Task<TaskRunResult> ReportFailureAsync(ITaskResultReporter reporter, TaskMessage message, TaskError error, long startedAt, CancellationToken abortToken)
    {
        var durationMs = ElapsedMs(startedAt);
        try
        {
            return await ReportAsync(message, "fail", ct => reporter.ReportFailedAsync(message, error, durationMs, ct), abortToken) ?? TaskRunResult.Reported;
        }
        catch (TaskOutputRefusedException ex)
        {
            logger.LogError(ex, "Result 'fail' of task {TaskId} was refused", message.TaskId);
            return TaskRunResult.NotReported;
        }
    }

    /// <summary>Sends one report; null when it was sent, otherwise why not (the reporter has already retried).</summary>
    private async Task<TaskRunResult?> ReportAsync(TaskMessage message, string call, Func<CancellationToken, Task> send, CancellationToken abortToken)
    {
        try
        {
            await send(abortToken);
            return null;
        }
        catch (OperationCanceledException) when (abortToken.IsCancellationRequested)
        {
            logger.LogWarning("Result '{Call}' of task {TaskId} not sent: the worker is shutting down", call, message.TaskId);
            return TaskRunResult.Abandoned;
        }
        catch (Exception ex) when (ex is not TaskOutputRefusedException)
        {
            logger.LogError(ex, "Result '{Call}' of task {TaskId} could not be sent; it will be delivered again", call, message.TaskId);
            return TaskRunResult.NotReported;
        }
    }

    private void ReleaseSlotWhenHandlerEnds(Task? handlerTask, TaskMessage message, RunningTasks running)
    {
        if (handlerTask is null || handlerTask.IsCompleted)
        {
            running.Slots.Release();
            return;
        }

        // The handler ignores its token: keep its slot until it really ends so MaxConcurrency holds.
        logger.LogWarning("The handler of task {TaskId} has not stopped after cancellation; its slot stays taken until it does", message.TaskId);
        _ = handlerTask.ContinueWith(_ => running.Slots.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task WaitQuietlyAsync(Task task, TimeSpan timeout)
    {
        try
        {
            await task.WaitAsync(timeout, timeProvider);
        }
        catch (Exception)
        {
            // Its outcome no longer matters: the task was stopped by the host.
        }
    }

    private long ElapsedMs(long startedAt) => (long)timeProvider.GetElapsedTime(startedAt).TotalMilliseconds;
}
