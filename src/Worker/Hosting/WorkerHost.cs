using System.Net;
using System.Text.Json.Nodes;
using DagMaster.Worker.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DagMaster.Worker.Hosting;

/// <summary>
/// The worker loop: claims tasks with bounded concurrency, runs each through its <see cref="ITaskHandler"/> while
/// heartbeating, enforces <c>timeout_seconds</c>, reports results, and drains gracefully when stopped.
/// </summary>
/// <remarks>
/// Run it as a hosted service (<c>AddDagMasterWorker</c>) or call <see cref="RunAsync"/> directly.
/// Stopping stops claiming and gives running tasks <see cref="WorkerOptions.DrainTimeout"/> to finish; whatever still
/// runs then is cancelled (with <see cref="CancellationGrace"/> to stop) and not reported, so its lease lapses and
/// DagMaster retries it.
/// </remarks>
public sealed class WorkerHost : BackgroundService
{
    /// <summary>How long a cancelled handler may take to stop before the host moves on without it.</summary>
    public static readonly TimeSpan CancellationGrace = TimeSpan.FromSeconds(2);

    private readonly DagMasterWorkerClient _client;
    private readonly Dictionary<string, ITaskHandler> _handlers;
    private readonly WorkerOptions _options;
    private readonly ILogger<WorkerHost> _logger;
    private readonly TimeProvider _timeProvider;

    public WorkerHost(
        DagMasterWorkerClient client,
        IEnumerable<ITaskHandler> handlers,
        IOptions<WorkerOptions> options,
        ILogger<WorkerHost> logger,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Value.EnsureValid();
        _client = client;
        _options = options.Value;
        _logger = logger;
        _timeProvider = timeProvider;

        // Keyed by name; a later registration replaces an earlier one (so an app can override a built-in handler).
        _handlers = new Dictionary<string, ITaskHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            _handlers[handler.Name] = handler;
        }
    }

    /// <summary>The names of the handlers this worker runs.</summary>
    public IReadOnlyCollection<string> HandlerNames => _handlers.Keys;

    /// <summary>Claims and runs tasks until <paramref name="stoppingToken"/> fires, then drains and returns.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var running = new RunningTasks(_options.MaxConcurrency);
        if (string.IsNullOrEmpty(_options.WorkerKey))
        {
            _logger.LogWarning("No worker key is configured; DagMaster refuses worker calls without one");
        }

        _logger.LogInformation(
            "Worker {WorkerId} claiming from {Queues} at {BaseUrl} with up to {MaxConcurrency} tasks at once; handlers: {Handlers}",
            _options.WorkerId,
            string.Join(", ", _options.Queues),
            _options.BaseUrl,
            _options.MaxConcurrency,
            string.Join(", ", _handlers.Keys.Order(StringComparer.Ordinal)));

        await ClaimLoopAsync(running, stoppingToken);
        await DrainAsync(running);
        _logger.LogInformation("Worker {WorkerId} stopped", _options.WorkerId);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(stoppingToken);

    private async Task ClaimLoopAsync(RunningTasks running, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await running.Slots.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            // Ask for as many tasks as there are free slots.
            var free = 1;
            while (free < _options.MaxConcurrency && running.Slots.Wait(0))
            {
                free++;
            }

            IReadOnlyList<TaskMessage> tasks;
            try
            {
                tasks = await _client.ClaimAsync(free, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                running.Slots.Release(free);
                break;
            }
            catch (Exception ex)
            {
                running.Slots.Release(free);
                failures++;
                var delay = _options.RetryDelayAfter(failures);
                if (ex is HttpRequestException || TransientErrors.IsTransient(ex, stoppingToken))
                {
                    _logger.LogWarning("Claiming failed ({Failures} in a row): {Error}; trying again in {Delay}", failures, ex.Message, delay);
                }
                else
                {
                    _logger.LogError(ex, "Claiming failed ({Failures} in a row); trying again in {Delay}", failures, delay);
                }

                if (!await DelayAsync(delay, stoppingToken))
                {
                    break;
                }

                continue;
            }

            var started = 0;
            foreach (var task in tasks)
            {
                if (started == free)
                {
                    // More than asked for: not run, so its lease lapses and DagMaster hands it out again.
                    _logger.LogWarning("DagMaster sent more tasks than asked for; task {TaskId} is left to its lease", task.TaskId);
                    continue;
                }

                started++;
                running.Add(Task.Run(() => RunTaskAsync(task, running)));
            }

            if (free > started)
            {
                running.Slots.Release(free - started);
            }

            if (tasks.Count == 0 && _options.ClaimWaitSeconds == 0 && !await DelayAsync(_options.RetryDelay, stoppingToken))
            {
                break;
            }
        }
    }

    private async Task DrainAsync(RunningTasks running)
    {
        var pending = running.Snapshot();
        if (pending.Length > 0)
        {
            _logger.LogInformation("Stopping: waiting up to {DrainTimeout} for {Count} running tasks", _options.DrainTimeout, pending.Length);
            var all = Task.WhenAll(pending);
            try
            {
                await all.WaitAsync(_options.DrainTimeout, _timeProvider);
            }
            catch (TimeoutException)
            {
                _logger.LogWarning(
                    "Drain timeout passed; cancelling {Count} unfinished tasks without reporting them (their leases lapse and DagMaster retries them)",
                    running.Snapshot().Length);
            }
        }

        await running.Abort.CancelAsync();

        // Runs end promptly once aborted: they stop waiting for their handlers and report nothing.
        await Task.WhenAll(running.Snapshot());
    }

    private async Task RunTaskAsync(TaskMessage message, RunningTasks running)
    {
        var startedAt = _timeProvider.GetTimestamp();
        Task<JsonObject>? handlerTask = null;
        try
        {
            if (!_handlers.TryGetValue(message.Handler, out var handler))
            {
                var error = new TaskError(
                    $"No handler named '{message.Handler}' is registered on worker '{_options.WorkerId}'.",
                    "unknown_handler",
                    Retryable: false);
                await ReportFailureAsync(message, error, startedAt, running.Abort.Token);
                return;
            }

            await using var session = new TaskSession(message, _client, _options, _logger, _timeProvider, running.Abort.Token);
            var context = new TaskContext(message, session);
            _logger.LogInformation("Running task {TaskId} ({Handler}, attempt {Attempt}/{MaxAttempts})", message.TaskId, message.Handler, message.Attempt, message.MaxAttempts);
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
                await WaitQuietlyAsync(handlerTask, CancellationGrace);
            }

            await ReportOutcomeAsync(message, reason, output, exception, startedAt, running.Abort.Token);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Task {TaskId} could not be run or reported; its lease will lapse", message.TaskId);
        }
        finally
        {
            ReleaseSlotWhenHandlerEnds(handlerTask, message, running);
        }
    }

    private async Task ReportOutcomeAsync(TaskMessage message, TaskStopReason reason, JsonObject? output, Exception? exception, long startedAt, CancellationToken abortToken)
    {
        switch (reason)
        {
            case TaskStopReason.TimedOut:
                _logger.LogWarning("Task {TaskId} timed out after {TimeoutSeconds}s", message.TaskId, message.TimeoutSeconds);
                await ReportFailureAsync(message, new TaskError($"timed out after {message.TimeoutSeconds}s", "timeout", Retryable: true), startedAt, abortToken);
                return;
            case TaskStopReason.CancelRequested or TaskStopReason.Gone:
                _logger.LogInformation("Task {TaskId} stopped ({Reason}); nothing is reported", message.TaskId, reason);
                return;
            case TaskStopReason.Abandoned:
                _logger.LogWarning("Task {TaskId} abandoned at shutdown; its lease will lapse and DagMaster retries it", message.TaskId);
                return;
        }

        if (exception is not null)
        {
            var error = exception switch
            {
                TaskFailedException failed => new TaskError(failed.Message, failed.ErrorType, failed.Retryable),
                _ => new TaskError(string.IsNullOrEmpty(exception.Message) ? exception.GetType().Name : exception.Message, exception.GetType().Name, Retryable: true),
            };
            _logger.LogWarning(exception, "Task {TaskId} failed ({Type}, retryable: {Retryable})", message.TaskId, error.Type, error.Retryable);
            await ReportFailureAsync(message, error, startedAt, abortToken);
            return;
        }

        var durationMs = ElapsedMs(startedAt);
        var completed = await ReportAsync(message, "complete", ct => _client.CompleteAsync(message.TaskId, output ?? [], durationMs, ct), abortToken);
        if (completed is HttpRequestException { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge } rejected)
        {
            // The output itself was refused (e.g. over the size limit): retrying would produce it again.
            await ReportFailureAsync(message, new TaskError(rejected.Message, "output_rejected", Retryable: false), startedAt, abortToken);
        }
        else if (completed is null)
        {
            _logger.LogInformation("Task {TaskId} completed in {DurationMs} ms", message.TaskId, durationMs);
        }
    }

    private async Task ReportFailureAsync(TaskMessage message, TaskError error, long startedAt, CancellationToken abortToken)
    {
        var durationMs = ElapsedMs(startedAt);
        await ReportAsync(message, "fail", ct => _client.FailAsync(message.TaskId, error, durationMs, ct), abortToken);
    }

    /// <summary>Sends a result, retrying transient errors with backoff; returns the error that ended the attempts, if any.</summary>
    private async Task<Exception?> ReportAsync(TaskMessage message, string call, Func<CancellationToken, Task> send, CancellationToken abortToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await send(abortToken);
                return null;
            }
            catch (OperationCanceledException ex) when (abortToken.IsCancellationRequested)
            {
                _logger.LogWarning("Result '{Call}' of task {TaskId} not sent: the worker is shutting down", call, message.TaskId);
                return ex;
            }
            catch (Exception ex) when (attempt < _options.ReportAttempts && TransientErrors.IsTransient(ex, abortToken))
            {
                var delay = _options.RetryDelayAfter(attempt);
                _logger.LogWarning("Result '{Call}' of task {TaskId} failed (attempt {Attempt}): {Error}; retrying in {Delay}", call, message.TaskId, attempt, ex.Message, delay);
                if (!await DelayAsync(delay, abortToken))
                {
                    return new OperationCanceledException(abortToken);
                }
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Result '{Call}' of task {TaskId} could not be sent; its lease will lapse", call, message.TaskId);
                return ex;
            }
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
        _logger.LogWarning("The handler of task {TaskId} has not stopped after cancellation; its slot stays taken until it does", message.TaskId);
        _ = handlerTask.ContinueWith(_ => running.Slots.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task WaitQuietlyAsync(Task task, TimeSpan timeout)
    {
        try
        {
            await task.WaitAsync(timeout, _timeProvider);
        }
        catch (Exception)
        {
            // Its outcome no longer matters: the task was stopped by the host.
        }
    }

    private long ElapsedMs(long startedAt) => (long)_timeProvider.GetElapsedTime(startedAt).TotalMilliseconds;

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _timeProvider, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
