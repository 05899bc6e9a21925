using System.Diagnostics;

namespace DagMaster.FaultTests.Infrastructure;

/// <summary>Waits for an eventually true condition with a bounded poll, never a fixed sleep.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, double timeoutSeconds, Func<string>? context = null)
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

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        while (watch.Elapsed.TotalSeconds < timeoutSeconds);

        throw new TimeoutException($"timed out after {timeoutSeconds}s waiting for {what}; last value: {last}{Environment.NewLine}{context?.Invoke()}");
    }
}
