namespace DagMaster.Worker;

/// <summary>How tasks reach the worker and how it reports them (<c>WORKER_TRANSPORT</c>).</summary>
public enum WorkerTransport
{
    /// <summary>Claims tasks with <c>POST /api/v1/worker/tasks/claim</c> and reports results over HTTP (<c>http</c>).</summary>
    Http = 0,

    /// <summary>Consumes task messages from Service Bus queues and sends results to the results queue (<c>servicebus</c>).</summary>
    ServiceBus = 1,
}
