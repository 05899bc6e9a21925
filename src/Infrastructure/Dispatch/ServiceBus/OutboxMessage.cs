namespace DagMaster.Infrastructure.Dispatch.ServiceBus;

/// <summary>
/// A task message waiting to be sent to Service Bus, written in the transaction that dispatched the node. The relay
/// sets <see cref="SentAt"/> once the broker accepted it; the row goes when the attempt finishes or its job ends.
/// </summary>
internal sealed class OutboxMessage
{
    public string TaskId { get; set; } = null!;

    public Guid JobId { get; set; }

    public string NodeId { get; set; } = null!;

    public string Queue { get; set; } = null!;

    public string Handler { get; set; } = null!;

    public int Attempt { get; set; }

    public int TimeoutSeconds { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>The task message, JSON.</summary>
    public string Body { get; set; } = null!;

    /// <summary>The W3C trace context of the task's dispatch span.</summary>
    public string? TraceParent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
