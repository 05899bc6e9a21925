using DagMaster.Worker.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DagMaster.Worker.Hosting;

/// <summary>
/// The worker: takes tasks from its transport (<see cref="WorkerOptions.Transport"/>: HTTP claims or Service Bus
/// queues) with bounded concurrency, runs each through its <see cref="ITaskHandler"/> while heartbeating, enforces
/// <c>timeout_seconds</c>, reports results, and drains gracefully when stopped.
/// </summary>
/// <remarks>
/// Run it as a hosted service (<c>AddDagMasterWorker</c>) or call <see cref="RunAsync"/> directly.
/// Stopping stops taking tasks and gives running tasks <see cref="WorkerOptions.DrainTimeout"/> to finish; whatever still
/// runs then is cancelled (with <see cref="CancellationGrace"/> to stop) and not reported: over HTTP its lease lapses,
/// over Service Bus its message is abandoned, and DagMaster retries it.
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

    /// <summary>Takes and runs tasks until <paramref name="stoppingToken"/> fires, then drains and returns.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var running = new RunningTasks(_options.MaxConcurrency);
        if (string.IsNullOrEmpty(_options.WorkerKey))
        {
            _logger.LogWarning("No worker key is configured; DagMaster refuses worker calls without one");
        }

        var runner = new TaskRunner(_handlers, _client, _options, _logger, _timeProvider);
        await using var source = CreateSource(runner);
        _logger.LogInformation(
            "Worker {WorkerId} {Source} with up to {MaxConcurrency} tasks at once; handlers: {Handlers}",
            _options.WorkerId,
            source.Describe(),
            _options.MaxConcurrency,
            string.Join(", ", _handlers.Keys.Order(StringComparer.Ordinal)));

        await source.RunAsync(running, stoppingToken);
        await DrainAsync(running);
        _logger.LogInformation("Worker {WorkerId} stopped", _options.WorkerId);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(stoppingToken);

    private ITaskSource CreateSource(TaskRunner runner) => _options.Transport switch
    {
        WorkerTransport.ServiceBus => new ServiceBusTaskSource(runner, _options, _logger),
        _ => new HttpTaskSource(runner, _client, ClaimedHandlers(), _options, _logger, _timeProvider),
    };

    /// <summary>The handlers to claim tasks for: those this worker has, narrowed to <see cref="WorkerOptions.Handlers"/> when set.</summary>
    private string[] ClaimedHandlers() => _options.Handlers is { Count: > 0 } only
        ? [.. _handlers.Keys.Where(only.Contains).Order(StringComparer.Ordinal)]
        : [.. _handlers.Keys.Order(StringComparer.Ordinal)];

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
                    "Drain timeout passed; cancelling {Count} unfinished tasks without reporting them (DagMaster retries them)",
                    running.Snapshot().Length);
            }
        }

        await running.Abort.CancelAsync();

        // Runs end promptly once aborted: they stop waiting for their handlers and report nothing.
        await Task.WhenAll(running.Snapshot());
    }
}
