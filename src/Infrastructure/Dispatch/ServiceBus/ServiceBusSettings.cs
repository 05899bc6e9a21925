namespace DagMaster.Infrastructure.Dispatch.ServiceBus;

/// <summary>The Service Bus transport's settings (TASK_TRANSPORT=servicebus).</summary>
public sealed class ServiceBusSettings
{
    /// <summary>SERVICE_BUS_CONNECTION_STRING: a namespace's (or the local test peer's) connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SERVICE_BUS_FQDN: <c>&lt;namespace&gt;.servicebus.windows.net</c>, reached with an Entra credential.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>SERVICE_BUS_RESULTS_QUEUE: where workers send their reports.</summary>
    public string ResultsQueue { get; set; } = "dag-task-results";

    /// <summary>SERVICE_BUS_DEFAULT_QUEUE: where the tasks of nodes without a <c>queue:</c> go.</summary>
    public string DefaultQueue { get; set; } = "dag-worker-tasks";

    /// <summary>SERVICE_BUS_RESULT_CONCURRENCY: results applied at once (they are group-committed).</summary>
    public int ResultConcurrency { get; set; } = 16;

    /// <summary>Outbox rows one relay round sends at most.</summary>
    public int RelayBatchSize { get; set; } = 500;

    /// <summary>
    /// Fault tests only: the relay stops as if the process died right after the broker accepted a batch and before
    /// the rows were marked sent, so the next relay sends them again.
    /// </summary>
    public bool SimulateCrashAfterSend { get; set; }
}
