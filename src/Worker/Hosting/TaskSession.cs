using System.Text.Json.Nodes;
using DagMaster.Worker.Client;
using Microsoft.Extensions.Logging;

namespace DagMaster.Worker.Hosting;

/// <summary>
/// One running attempt: the handler's cancellation token (timeout, cancel, gone, abandon), the heartbeat loop,
/// and the <see cref="ITaskReporter"/> behind its <see cref="TaskContext"/>.
/// </summary>
internal sealed class TaskSession : ITaskReporter, IAsyncDisposable
{
    private const int CheckpointAttempts = 3;
    private static readonly TimeSpan s_minProgressInterval = TimeSpan.FromSeconds(1);

    private readonly TaskMessage _message;
    private readonly DagMasterWorkerClient _client;
    private readonly WorkerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    // Never disposed on purpose: a timer or heartbeat may still cancel it while the session ends, and a
    // CancellationTokenSource without a timer, links or wait handle holds nothing that needs disposing.
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _heartbeatStop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Lock _gate = new();
    private readonly CancellationTokenRegistration _abortRegistration;
    private ITimer? _timeoutTimer;
    private Task? _heartbeats;
    private TaskStopReason _reason;
    private bool _finished;
    private TaskProgress? _progress;
    private long _lastSentTimestamp;

    public TaskSession(TaskMessage message, DagMasterWorkerClient client, WorkerOptions options, ILogger logger, TimeProvider timeProvider, CancellationToken abortToken)
    {
        _message = message;
        _client = client;
        _options = options;
        _logger = logger;
        _timeProvider = timeProvider;
        _lastSentTimestamp = timeProvider.GetTimestamp();
        _abortRegistration = abortToken.Register(() => Stop(TaskStopReason.Abandoned));
    }

    /// <summary>The handler's token: fires on timeout, cancel, gone, or abandon.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Starts the timeout clock (when the task has one) and the heartbeat loop.</summary>
    public void Start()
    {
        if (_message.TimeoutSeconds is > 0 and var seconds)
        {
            _timeoutTimer = _timeProvider.CreateTimer(_ => Stop(TaskStopReason.TimedOut), null, TimeSpan.FromSeconds(seconds), Timeout.InfiniteTimeSpan);
        }

        _heartbeats = Task.Run(() => HeartbeatLoopAsync(_heartbeatStop.Token));
    }

    /// <summary>Marks the handler as ended and returns why it was stopped, if it was; later stop requests change nothing.</summary>
    public TaskStopReason Finish()
    {
        lock (_gate)
        {
            _finished = true;
            return _reason;
        }
    }

    public async Task StopHeartbeatsAsync()
    {
        await _heartbeatStop.CancelAsync();
        if (_heartbeats is not null)
        {
            await _heartbeats;
        }
    }

    public async Task ReportProgressAsync(TaskProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        _progress = progress;
        if (_timeProvider.GetElapsedTime(Interlocked.Read(ref _lastSentTimestamp)) >= s_minProgressInterval)
        {
            await HeartbeatAsync(cancellationToken);
        }
    }

    public async Task SaveCheckpointAsync(string phase, JsonNode? state, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var status = await _client.SaveCheckpointAsync(_message.TaskId, phase, state, _progress, cancellationToken);
                    Interlocked.Exchange(ref _lastSentTimestamp, _timeProvider.GetTimestamp());
                    if (Apply(status))
                    {
                        throw new OperationCanceledException($"Task '{_message.TaskId}' is no longer current; its checkpoint was refused.", Token);
                    }

                    return;
                }
                catch (Exception ex) when (!IsOwnCancellation(ex, cancellationToken) && attempt < CheckpointAttempts && TransientErrors.IsTransient(ex, cancellationToken))
                {
                    _logger.LogWarning("Checkpoint {Phase} of task {TaskId} failed (attempt {Attempt}): {Error}; retrying", phase, _message.TaskId, attempt, ex.Message);
                    await Task.Delay(_options.RetryDelayAfter(attempt), _timeProvider, cancellationToken);
                }
                catch (Exception ex) when (!IsOwnCancellation(ex, cancellationToken))
                {
                    // A lost checkpoint only means a later attempt resumes from an earlier one: keep working.
                    _logger.LogWarning(ex, "Checkpoint {Phase} of task {TaskId} was not saved", phase, _message.TaskId);
                    return;
                }
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopHeartbeatsAsync();
        if (_timeoutTimer is not null)
        {
            await _timeoutTimer.DisposeAsync();
        }

        await _abortRegistration.DisposeAsync();
    }

    private bool IsOwnCancellation(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && (cancellationToken.IsCancellationRequested || _stop.IsCancellationRequested);

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.HeartbeatInterval, _timeProvider, cancellationToken);
                await HeartbeatAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The handler ended.
        }
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            var result = await _client.HeartbeatAsync(_message.TaskId, _progress, cancellationToken);
            Interlocked.Exchange(ref _lastSentTimestamp, _timeProvider.GetTimestamp());
            Apply(result.Status);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The lease outlives several missed heartbeats; try again at the next one.
            _logger.LogWarning("Heartbeat of task {TaskId} failed: {Error}", _message.TaskId, ex.Message);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Acts on DagMaster's answer; true when the handler must stop.</summary>
    private bool Apply(LeaseStatus status)
    {
        switch (status)
        {
            case LeaseStatus.CancelRequested:
                _logger.LogInformation("DagMaster cancelled task {TaskId}; stopping its handler", _message.TaskId);
                Stop(TaskStopReason.CancelRequested);
                return true;
            case LeaseStatus.Gone or LeaseStatus.NotFound:
                _logger.LogWarning("Task {TaskId} is no longer current ({Status}); stopping its handler", _message.TaskId, status);
                Stop(TaskStopReason.Gone);
                return true;
            default:
                return false;
        }
    }

    private void Stop(TaskStopReason reason)
    {
        lock (_gate)
        {
            if (_finished || _reason != TaskStopReason.None)
            {
                return;
            }

            _reason = reason;
        }

        // Callbacks (the handler's continuations) run on the thread pool, not on this timer or heartbeat thread.
        _ = _stop.CancelAsync();
    }
}
