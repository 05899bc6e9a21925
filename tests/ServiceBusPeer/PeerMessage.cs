namespace DagMaster.Testing.ServiceBus;

/// <summary>A message held by the peer, as a test sees it.</summary>
/// <param name="SequenceNumber">The peer's sequence number (a dead-lettered copy gets a new one).</param>
/// <param name="Body">The concatenated Data sections (empty for other body kinds).</param>
/// <param name="MessageId">The sender's MessageId.</param>
/// <param name="Subject">The sender's Subject.</param>
/// <param name="CorrelationId">The sender's CorrelationId.</param>
/// <param name="ContentType">The sender's ContentType.</param>
/// <param name="TimeToLive">The sender's time to live, if any.</param>
/// <param name="ApplicationProperties">The sender's application properties with the peer's changes (dead-letter reason, properties to modify).</param>
/// <param name="DeliveryCount">How many times the message has been delivered so far.</param>
/// <param name="EnqueuedAt">When the peer stored the message.</param>
/// <param name="ScheduledEnqueueTime">When the message becomes visible, if it was scheduled.</param>
/// <param name="DeadLetterReason">Set on dead-lettered messages.</param>
/// <param name="DeadLetterErrorDescription">Set on dead-lettered messages.</param>
public sealed record PeerMessage(
    long SequenceNumber,
    byte[] Body,
    string? MessageId,
    string? Subject,
    string? CorrelationId,
    string? ContentType,
    TimeSpan? TimeToLive,
    IReadOnlyDictionary<string, object?> ApplicationProperties,
    int DeliveryCount,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset? ScheduledEnqueueTime,
    string? DeadLetterReason,
    string? DeadLetterErrorDescription);
