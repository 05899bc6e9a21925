namespace DagMaster.Worker.Hosting;

/// <summary>How tasks arrive: the HTTP claim loop or the Service Bus processors. Both run them through one <see cref="TaskRunner"/>.</summary>
internal interface ITaskSource : IAsyncDisposable
{
    /// <summary>A line for the start-up log: where tasks come from and where results go.</summary>
    string Describe();

    /// <summary>Takes tasks until <paramref name="stoppingToken"/> fires, then stops taking new ones and returns (running tasks go on).</summary>
    Task RunAsync(RunningTasks running, CancellationToken stoppingToken);
}
