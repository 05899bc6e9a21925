namespace DagMaster.WorkerTests.TestSupport;

/// <summary>Handlers and helpers shared by the host tests of both transports.</summary>
internal static class TestHandlers
{
    /// <summary>A handler that runs until its token fires, then sets <paramref name="cancelled"/>.</summary>
    public static DelegateHandler WaitForever(string name, TaskCompletionSource cancelled) => new(name, async (_, ct) =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        finally
        {
            cancelled.TrySetResult();
        }

        return [];
    });

    /// <summary>Raises <paramref name="target"/> to <paramref name="value"/> if that is higher, atomically.</summary>
    public static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
