using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace DagMaster.TestSupport;

/// <summary>
/// A .NET program of ours run as its own process: its last lines of output kept for failure messages, SIGKILL to end
/// it as a dying machine would, or SIGTERM as a service manager does.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_grace = TimeSpan.FromSeconds(20);
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;
    private readonly Action<string>? _echo;

    private ChildProcess(Process process, Action<string>? echo)
    {
        _process = process;
        _echo = echo;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <param name="dll">The program, run by <c>dotnet</c> in its own folder.</param>
    /// <param name="environment">Variables over the ones this process has.</param>
    /// <param name="arguments">The program's command line.</param>
    /// <param name="echo">Also gets every line the program writes (a log file, say).</param>
    public static ChildProcess Start(
        string dll, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments, Action<string>? echo = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {dll}");
        var child = new ChildProcess(process, echo);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public string Tail(int lines = 30) => string.Join(Environment.NewLine, _output.TakeLast(lines));

    /// <summary>SIGKILL: no shutdown code runs, as when a machine dies.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then SIGKILL when the process outlives the grace period.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(s_grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _echo?.Invoke(line);
        _output.Enqueue(line);
        while (_output.Count > 500)
        {
            _output.TryDequeue(out _);
        }
    }
}
