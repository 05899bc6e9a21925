using DagMaster.TestSupport;

namespace DagMaster.Benchmarks.Hosting;

/// <summary>
/// DagMaster as a user runs it: the published Release build as its own process, configured by environment
/// variables, against the benchmark's private PostgreSQL, with no embedded worker. Its output goes to the log.
/// </summary>
public sealed class DagMasterHost : IAsyncDisposable
{
    private readonly DagMasterProcess _process;

    public DagMasterHost(BenchSettings settings, string workflowsDirectory, LogFile log)
    {
        // The orchestrator keeps its default poll interval: the benchmark measures DagMaster as it ships.
        var environment = TestHostSettings.OwnProcess(settings.DatabaseUrl, workflowsDirectory);
        if (settings.ServiceBusConnectionString is { } serviceBus)
        {
            environment["TASK_TRANSPORT"] = "servicebus";
            environment["SERVICE_BUS_CONNECTION_STRING"] = serviceBus;
        }

        _process = new DagMasterProcess(settings.DagMasterDll, settings.BaseUrl, environment, log.Write);
    }

    public int Pid => _process.Pid;

    /// <summary>Starts the process and returns the time from process start to the first 200 from <c>/readyz</c>.</summary>
    public Task<TimeSpan> StartAsync() => _process.StartAsync();

    /// <summary>SIGTERM (a graceful stop), then SIGKILL after 20 s.</summary>
    public Task StopAsync() => _process.StopAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
