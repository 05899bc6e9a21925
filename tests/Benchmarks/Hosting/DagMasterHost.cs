using System.Diagnostics;

namespace DagMaster.Benchmarks.Hosting;

/// <summary>
/// DagMaster as a user runs it: the published Release build as its own process, configured by environment
/// variables, against the benchmark's private PostgreSQL, with no embedded worker.
/// </summary>
public sealed class DagMasterHost(BenchSettings settings, string workflowsDirectory, LogFile log) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly HttpClient _probe = new() { BaseAddress = settings.BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
    private Process? _process;

    public int Pid => _process?.Id ?? throw new InvalidOperationException("DagMaster is not running");

    /// <summary>Starts the process and returns the time from process start to the first 200 from <c>/readyz</c>.</summary>
    public async Task<TimeSpan> StartAsync()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(settings.DagMasterDll)!,
        };
        info.ArgumentList.Add(settings.DagMasterDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{settings.Port}");
        info.Environment["DATABASE_URL"] = settings.DatabaseUrl;
        info.Environment["AUTO_BOOTSTRAP_SCHEMA"] = "true";
        info.Environment["WORKFLOWS_DIR"] = workflowsDirectory;
        info.Environment["WORKER_KEYS"] = BenchSettings.WorkerKey;
        info.Environment["ADMIN_KEYS"] = BenchSettings.AdminKey;
        info.Environment["EMBEDDED_WORKER"] = "false";
        info.Environment["RETENTION_DAYS"] = "0"; // the reads row seeds a million old jobs
        info.Environment["LOG_LEVEL"] = "WARNING";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        if (settings.ServiceBusConnectionString is { } serviceBus)
        {
            info.Environment["TASK_TRANSPORT"] = "servicebus";
            info.Environment["SERVICE_BUS_CONNECTION_STRING"] = serviceBus;
        }

        var clock = Stopwatch.StartNew();
        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start DagMaster");
        log.Attach(_process);
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"DagMaster exited during start-up (code {_process.ExitCode}):\n{log.Tail(30)}");
            }

            try
            {
                using var response = await _probe.GetAsync("readyz");
                if (response.IsSuccessStatusCode)
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"DagMaster was not ready within {StartTimeout.TotalSeconds} s:\n{log.Tail(30)}");
    }

    /// <summary>SIGTERM (a graceful stop), then SIGKILL after 20 s.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        await GracefulStop.StopAsync(_process, TimeSpan.FromSeconds(20));
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _probe.Dispose();
    }
}
