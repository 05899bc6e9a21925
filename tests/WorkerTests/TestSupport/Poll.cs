namespace DagMaster.WorkerTests.TestSupport;

/// <summary>Waits on a condition instead of sleeping: checks it every 20 ms, fails with a message after a bound.</summary>
internal static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(20);

    public static async Task UntilAsync(Func<bool> condition, string waitingFor, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"Timed out after {limit.TotalSeconds:0.#} s waiting for: {waitingFor}");
            }

            await Task.Delay(s_interval, TestContext.Current.CancellationToken);
        }
    }
}
