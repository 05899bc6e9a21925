using DagMaster.Worker;
using DagMaster.Worker.Client;
using DagMaster.Worker.Hosting;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace DagMaster.WorkerTests.TestSupport;

/// <summary>A <see cref="WorkerHost"/> running against a <see cref="FakeDagMaster"/> with test-sized intervals.</summary>
internal sealed class WorkerHarness : IAsyncDisposable
{
    public const string WorkerId = "test-worker";
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _httpClient;

    private WorkerHarness(FakeDagMaster server, IEnumerable<ITaskHandler> handlers, Action<WorkerOptions>? configure, HttpMessageHandler? httpHandler)
    {
        Options = new WorkerOptions
        {
            BaseUrl = server.BaseUrl,
            WorkerKey = FakeDagMaster.WorkerKey,
            WorkerId = WorkerId,
            Queues = ["test-queue"],
            MaxConcurrency = 4,
            ClaimWaitSeconds = 1,
            HeartbeatInterval = TimeSpan.FromMilliseconds(50),
            DrainTimeout = TimeSpan.FromSeconds(5),
            RetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        };
        configure?.Invoke(Options);
        _httpClient = httpHandler is null ? new HttpClient() : new HttpClient(httpHandler);
        var client = new DagMasterWorkerClient(_httpClient, MsOptions.Create(Options));
        Host = new WorkerHost(client, handlers, MsOptions.Create(Options), Logger, TimeProvider.System);
    }

    public WorkerOptions Options { get; }

    public WorkerHost Host { get; }

    public TestLogger<WorkerHost> Logger { get; } = new();

    public Task Run { get; private set; } = Task.CompletedTask;

    public static WorkerHarness Start(FakeDagMaster server, IEnumerable<ITaskHandler> handlers, Action<WorkerOptions>? configure = null, HttpMessageHandler? httpHandler = null)
    {
        var harness = new WorkerHarness(server, handlers, configure, httpHandler);
        harness.Run = harness.Host.RunAsync(harness._stopping.Token);
        return harness;
    }

    /// <summary>Requests a stop without waiting for the drain.</summary>
    public void RequestStop() => _stopping.Cancel();

    /// <summary>Stops the host and waits until it has drained.</summary>
    public async Task StopAsync()
    {
        _stopping.Cancel();
        await Run.WaitAsync(s_stopTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
        _httpClient.Dispose();
    }
}
