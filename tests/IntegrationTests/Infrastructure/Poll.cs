using System.Diagnostics;

namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>Waits for an eventually true condition with a bounded poll, never a fixed sleep.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(
        Func<Task<T>> probe, Func<T, bool> done, string what, double timeoutSeconds = 15, double intervalSeconds = 0.025)
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

        throw new TimeoutException($"timed out after {timeoutSeconds}s waiting for {what}; last value: {last}");
    }
}
