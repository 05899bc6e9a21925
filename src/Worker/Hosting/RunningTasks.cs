namespace DagMaster.Worker.Hosting;

/// <summary>The state of one <see cref="WorkerHost.RunAsync"/>: the concurrency slots and the tasks in flight (either transport).</summary>
internal sealed class RunningTasks(int maxConcurrency)
{
    private readonly HashSet<Task> _runs = [];
    private readonly Lock _gate = new();

    /// <summary>One slot per task in flight; a slot is released when its handler has really ended.</summary>
    public SemaphoreSlim Slots { get; } = new(maxConcurrency, maxConcurrency);

    /// <summary>Cancelled when the drain timeout passes: unfinished handlers are cancelled and not reported.</summary>
    public CancellationTokenSource Abort { get; } = new();

    public void Add(Task run)
    {
        lock (_gate)
        {
            if (!run.IsCompleted)
            {
                _runs.Add(run);
            }
        }

        _ = run.ContinueWith(Remove, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _runs];
        }
    }

    private void Remove(Task run)
    {
        lock (_gate)
        {
            _runs.Remove(run);
        }
    }
}
