using System.Diagnostics;
using Xunit;

namespace DagMaster.TestSupport;

/// <summary>
/// Writes a line of test output at an interval while a long test runs, so that the runner keeps hearing from the
/// test process.
/// </summary>
/// <remarks>
/// xUnit's runner (3.x, under <c>dotnet test</c>) decides that the test process crashed when the process has
/// exited, the assembly's finish message has not been read yet, and the last message it read is more than 60 s
/// old. A test that runs alone for longer than that at the end of a run leaves exactly that gap, and then its
/// result, read a moment after the process exits, loses the race: "Test process crashed with exit code 0" after
/// every test passed. Each output line is a message to the runner, which closes the gap.
/// </remarks>
public sealed class RunnerHeartbeat : IAsyncDisposable
{
    /// <summary>Well inside the runner's 60 s.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _beating;

    private RunnerHeartbeat(string what, ITestOutputHelper output)
    {
        var clock = Stopwatch.StartNew();
        _beating = BeatAsync(what, output, clock, _stop.Token);
    }

    /// <param name="what">What the test is waiting for, in words, for the output line.</param>
    public static RunnerHeartbeat Start(string what) =>
        new(what, TestContext.Current.TestOutputHelper
            ?? throw new InvalidOperationException("a heartbeat needs a running test's output"));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _beating;
        _stop.Dispose();
    }

    private static async Task BeatAsync(string what, ITestOutputHelper output, Stopwatch clock, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                output.WriteLine($"{what}: still running after {clock.Elapsed.TotalSeconds:F0} s");
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
