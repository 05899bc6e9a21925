namespace DagMaster.ServiceBusPeerTests;

/// <summary>Waits on a condition instead of sleeping: checks it every 20 ms, fails with a message after a bound.</summary>
internal static class Waiting
{
    public static async Task UntilAsync(Func<bool> condition, string waitingFor, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"Timed out after {limit.TotalSeconds:0.#} s waiting for: {waitingFor}");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until the clock has passed <paramref name="moment"/> (locks and schedules are about time).</summary>
    public static Task UntilPastAsync(DateTimeOffset moment, string waitingFor) =>
        UntilAsync(() => DateTimeOffset.UtcNow > moment, waitingFor, moment - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15));
}
