namespace DagMaster.Testing.ServiceBus;

/// <summary>A message in a queue: its encoded form as the sender sent it, what the peer reads from it, and its state.</summary>
internal sealed class StoredMessage
{
    public required long SequenceNumber { get; init; }

    /// <summary>The message as sent (an encoded AMQP message without broker annotations).</summary>
    public required byte[] Encoded { get; init; }

    public required byte[] Body { get; init; }

    public string? MessageId { get; init; }

    public string? Subject { get; init; }

    public string? CorrelationId { get; init; }

    public string? ContentType { get; init; }

    public TimeSpan? TimeToLive { get; init; }

    public required IReadOnlyDictionary<string, object?> ApplicationProperties { get; init; }

    public required DateTimeOffset EnqueuedAt { get; init; }

    public DateTimeOffset? ScheduledEnqueueTime { get; init; }

    public DateTimeOffset? ExpiresAt => TimeToLive is { } ttl ? EnqueuedAt + ttl : null;

    /// <summary>Application properties the peer set or changed (dead-letter reason, properties to modify).</summary>
    public Dictionary<string, object?> ModifiedProperties { get; } = new(StringComparer.Ordinal);

    /// <summary>How many times the message has been delivered.</summary>
    public int DeliveryCount { get; set; }

    public Guid? LockToken { get; set; }

    public DateTimeOffset LockedUntil { get; set; }

    /// <summary>The queue the message was dead-lettered from, if it was.</summary>
    public string? DeadLetterSource { get; set; }

    public bool IsVisible(DateTimeOffset now) => ScheduledEnqueueTime is not { } at || at <= now;

    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;

    public StoredMessage CopyForDeadLetter(long sequenceNumber, DateTimeOffset now, string source)
    {
        var copy = new StoredMessage
        {
            SequenceNumber = sequenceNumber,
            Encoded = Encoded,
            Body = Body,
            MessageId = MessageId,
            Subject = Subject,
            CorrelationId = CorrelationId,
            ContentType = ContentType,
            TimeToLive = null,
            ApplicationProperties = ApplicationProperties,
            EnqueuedAt = now,
            DeliveryCount = DeliveryCount,
            DeadLetterSource = source,
        };
        foreach (var (key, value) in ModifiedProperties)
        {
            copy.ModifiedProperties[key] = value;
        }

        return copy;
    }

    public PeerMessage ToSnapshot()
    {
        var properties = new Dictionary<string, object?>(ApplicationProperties, StringComparer.Ordinal);
        foreach (var (key, value) in ModifiedProperties)
        {
            properties[key] = value;
        }

        return new PeerMessage(
            SequenceNumber,
            Body,
            MessageId,
            Subject,
            CorrelationId,
            ContentType,
            TimeToLive,
            properties,
            DeliveryCount,
            EnqueuedAt,
            ScheduledEnqueueTime,
            properties.GetValueOrDefault(ServiceBusNames.DeadLetterReasonProperty) as string,
            properties.GetValueOrDefault(ServiceBusNames.DeadLetterDescriptionProperty) as string);
    }
}
