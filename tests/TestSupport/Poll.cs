using System.Diagnostics;
using Xunit;

namespace DagMaster.TestSupport;

/// <summary>Waits for an eventually true condition with a bounded poll, never a fixed sleep.</summary>
public static class Poll
{
    /// <summary>Calls <paramref name="probe"/> until <paramref name="done"/> holds for its answer, and returns that answer.</summary>
    /// <param name="probe">Reads the current state.</param>
    /// <param name="done">Whether the state is the awaited one.</param>
    /// <param name="what">The awaited state, in words, for the timeout's message.</param>
    /// <param name="timeoutSeconds">How long to wait at most.</param>
    /// <param name="intervalSeconds">The pause between two probes.</param>
    /// <param name="context">Added to the timeout's message after the last value (a process's output, say).</param>
    public static async Task<T> UntilAsync<T>(
        Func<Task<T>> probe,
        Func<T, bool> done,
        string what,
        double timeoutSeconds = 15,
        double intervalSeconds = 0.025,
        Func<string>? context = null)
    {
        var watch = Stopwatch.StartNew();
        T last;
        do
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromSeconds(intervalSeconds), TestContext.Current.CancellationToken);
        }
        while (watch.Elapsed.TotalSeconds < timeoutSeconds);

        var message = $"timed out after {timeoutSeconds}s waiting for {what}; last value: {last}";
        throw new TimeoutException(context is null ? message : message + Environment.NewLine + context());
    }
}
