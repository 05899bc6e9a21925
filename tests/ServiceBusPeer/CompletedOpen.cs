namespace DagMaster.Testing.ServiceBus;

/// <summary>The already-completed asynchronous result of opening a link (the peer attaches links synchronously).</summary>
internal static class CompletedOpen
{
    public static IAsyncResult Run(AsyncCallback callback, object state)
    {
        var completion = new TaskCompletionSource<object?>(state);
        completion.SetResult(null);
        callback(completion.Task);
        return completion.Task;
    }
}
