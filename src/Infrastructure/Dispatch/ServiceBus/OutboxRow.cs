using Azure.Messaging.ServiceBus;

namespace DagMaster.Infrastructure.Dispatch.ServiceBus;

/// <summary>An unsent outbox row as the relay reads it.</summary>
internal sealed record OutboxRow(
    string TaskId, Guid JobId, string NodeId, string Queue, string Handler, int Attempt, int TimeoutSeconds, string? CorrelationId, string Body,
    string? TraceParent)
{
    /// <summary>
    /// The Service Bus message: <c>MessageId = task_id</c> for duplicate detection, <c>Subject = handler</c>, the ids as
    /// application properties, and a time to live of twice the task's timeout (an attempt nobody took by then has
    /// timed out anyway).
    /// </summary>
    public ServiceBusMessage ToMessage()
    {
        var message = new ServiceBusMessage(BinaryData.FromString(Body))
        {
            MessageId = TaskId,
            CorrelationId = CorrelationId,
            Subject = Handler,
            ContentType = "application/json",
            TimeToLive = TimeSpan.FromSeconds(2.0 * Math.Max(1, TimeoutSeconds)),
        };
        message.ApplicationProperties["job_id"] = JobId.ToString();
        message.ApplicationProperties["node_id"] = NodeId;
        message.ApplicationProperties["handler"] = Handler;
        message.ApplicationProperties["attempt"] = Attempt;
        if (TraceParent is not null)
        {
            // W3C trace context, as Service Bus's own instrumentation carries it (Diagnostic-Id) and by its W3C name.
            message.ApplicationProperties["traceparent"] = TraceParent;
            message.ApplicationProperties["Diagnostic-Id"] = TraceParent;
        }
        return message;
    }
}
