using System.Diagnostics;

namespace DagMaster.TestSupport;

/// <summary>DagMaster's built program (DagMaster.WebApi.dll) as a process of its own on a loopback address.</summary>
/// <param name="dll">The program.</param>
/// <param name="url">Where it listens.</param>
/// <param name="environment">Its settings, most often <see cref="TestHostSettings.OwnProcess"/> and what the caller adds.</param>
/// <param name="echo">Also gets every line it writes.</param>
public sealed class DagMasterProcess(string dll, Uri url, IReadOnlyDictionary<string, string> environment, Action<string>? echo = null)
    : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(90);
    private readonly HttpClient _probe = new() { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
    private ChildProcess? _process;

    public int Pid => _process?.Id ?? throw new InvalidOperationException("DagMaster is not running");

    /// <summary>Its last lines of output, for failure messages.</summary>
    public string Output => _process?.Tail() ?? string.Empty;

    /// <summary>Starts the process and returns the time from its start to the first 200 from <c>/readyz</c>.</summary>
    public async Task<TimeSpan> StartAsync()
    {
        var clock = Stopwatch.StartNew();
        var process = ChildProcess.Start(dll, environment, ["--urls", url.GetLeftPart(UriPartial.Authority)], echo);
        _process = process;
        while (clock.Elapsed < s_startTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"DagMaster exited during start-up (code {process.ExitCode}):{Environment.NewLine}{process.Tail()}");
            }

            if (await ReadinessAsync() == 200)
            {
                return clock.Elapsed;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"DagMaster was not ready within {s_startTimeout.TotalSeconds} s:{Environment.NewLine}{process.Tail()}");
    }

    /// <summary>The status <c>/readyz</c> answers, or 0 when nothing answers.</summary>
    public async Task<int> ReadinessAsync()
    {
        try
        {
            using var response = await _probe.GetAsync("readyz");
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as when a machine dies.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await process.KillAsync();
            await process.DisposeAsync();
        }
    }

    /// <summary>SIGTERM (a graceful stop), then SIGKILL after 20 s.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await process.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _probe.Dispose();
    }
}
