using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace DagMaster.Testing.ServiceBus;

/// <summary>Turns transfers into stored messages and stored messages into deliveries with broker annotations.</summary>
internal static class MessageCodec
{
    /// <summary>The encoded messages a transfer carries: one, or each Data section of a batch (message format 0x80013700).</summary>
    public static IReadOnlyList<byte[]> Split(AmqpMessage transfer)
    {
        if (transfer.MessageFormat == AmqpConstants.AmqpBatchedMessageFormat)
        {
            return [.. transfer.DataBody.Select(data => ToArray(data.Value))];
        }

        // The received stream belongs to the message: read a clone of it.
        using var stream = (BufferListStream)((BufferListStream)transfer.ToStream()).Clone();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return [copy.ToArray()];
    }

    public static StoredMessage Read(byte[] encoded, long sequenceNumber, DateTimeOffset now)
    {
        var message = Decode(encoded);
        var sections = message.Sections;
        var properties = (sections & SectionFlag.Properties) != 0 ? message.Properties : null;
        var applicationProperties = new Dictionary<string, object?>(StringComparer.Ordinal);
        if ((sections & SectionFlag.ApplicationProperties) != 0)
        {
            foreach (var (key, value) in message.ApplicationProperties.Map)
            {
                applicationProperties[key.Key.ToString()!] = value;
            }
        }

        DateTimeOffset? scheduled = null;
        if ((sections & SectionFlag.MessageAnnotations) != 0
            && message.MessageAnnotations.Map[ServiceBusNames.ScheduledEnqueueTimeAnnotation] is DateTime at)
        {
            scheduled = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        }

        uint? ttl = (sections & SectionFlag.Header) != 0 ? message.Header.Ttl : null;
        return new StoredMessage
        {
            SequenceNumber = sequenceNumber,
            Encoded = encoded,
            Body = (message.BodyType & SectionFlag.Data) != 0 ? [.. message.DataBody.SelectMany(data => ToArray(data.Value))] : [],
            MessageId = properties?.MessageId?.ToString(),
            Subject = properties?.Subject,
            CorrelationId = properties?.CorrelationId?.ToString(),
            ContentType = properties?.ContentType.Value,
            TimeToLive = ttl is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            ApplicationProperties = applicationProperties,
            EnqueuedAt = now,
            ScheduledEnqueueTime = scheduled,
        };
    }

    /// <summary>
    /// A new AMQP message for one delivery: the sender's sections, the delivery count of earlier deliveries in the
    /// header, the peer's changed application properties, and the annotations the SDK reads.
    /// </summary>
    public static AmqpMessage ToDelivery(StoredMessage stored, DateTimeOffset? lockedUntil)
    {
        var source = Decode(stored.Encoded);
        var sections = source.Sections;
        AmqpMessage delivery;
        if ((source.BodyType & SectionFlag.Data) != 0)
        {
            delivery = AmqpMessage.Create(source.DataBody.Select(data => new Data { Value = data.Value }).ToList());
        }
        else if ((source.BodyType & SectionFlag.AmqpValue) != 0)
        {
            delivery = AmqpMessage.Create(new AmqpValue { Value = source.ValueBody.Value });
        }
        else if ((source.BodyType & SectionFlag.AmqpSequence) != 0)
        {
            delivery = AmqpMessage.Create(source.SequenceBody.ToList());
        }
        else
        {
            delivery = AmqpMessage.Create();
        }

        var header = (sections & SectionFlag.Header) != 0 ? source.Header : null;
        delivery.Header.Durable = header?.Durable;
        delivery.Header.Priority = header?.Priority;
        delivery.Header.Ttl = header?.Ttl;
        delivery.Header.FirstAcquirer = stored.DeliveryCount <= 1;
        delivery.Header.DeliveryCount = (uint)Math.Max(0, stored.DeliveryCount - 1);

        if ((sections & SectionFlag.Properties) != 0)
        {
            CopyProperties(source.Properties, delivery.Properties);
        }

        if ((sections & SectionFlag.ApplicationProperties) != 0 || stored.ModifiedProperties.Count > 0)
        {
            var applicationProperties = new ApplicationProperties();
            if ((sections & SectionFlag.ApplicationProperties) != 0)
            {
                foreach (var (key, value) in source.ApplicationProperties.Map)
                {
                    applicationProperties.Map[key] = value;
                }
            }

            foreach (var (key, value) in stored.ModifiedProperties)
            {
                applicationProperties.Map[new MapKey(key)] = value;
            }

            delivery.ApplicationProperties = applicationProperties;
        }

        var annotations = new MessageAnnotations();
        if ((sections & SectionFlag.MessageAnnotations) != 0)
        {
            foreach (var (key, value) in source.MessageAnnotations.Map)
            {
                annotations.Map[key] = value;
            }
        }

        annotations.Map[new MapKey(new AmqpSymbol(ServiceBusNames.SequenceNumberAnnotation))] = stored.SequenceNumber;
        annotations.Map[new MapKey(new AmqpSymbol(ServiceBusNames.EnqueuedTimeAnnotation))] = stored.EnqueuedAt.UtcDateTime;
        if (lockedUntil is { } until)
        {
            annotations.Map[new MapKey(new AmqpSymbol(ServiceBusNames.LockedUntilAnnotation))] = until.UtcDateTime;
        }

        if (stored.DeadLetterSource is { } deadLetterSource)
        {
            annotations.Map[new MapKey(new AmqpSymbol(ServiceBusNames.DeadLetterSourceAnnotation))] = deadLetterSource;
        }

        delivery.MessageAnnotations = annotations;
        return delivery;
    }

    /// <summary>Values the SDK sends as properties to modify (abandon, dead-letter), keyed by name.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> Entries(AmqpMap? map)
    {
        if (map is null)
        {
            yield break;
        }

        foreach (var (key, value) in map)
        {
            yield return new KeyValuePair<string, object?>(key.Key.ToString()!, value);
        }
    }

    private static AmqpMessage Decode(byte[] encoded) =>
        AmqpMessage.CreateAmqpStreamMessage(new BufferListStream([new ArraySegment<byte>(encoded)]));

    private static void CopyProperties(Properties from, Properties to)
    {
        to.MessageId = from.MessageId;
        to.UserId = from.UserId;
        to.To = from.To;
        to.Subject = from.Subject;
        to.ReplyTo = from.ReplyTo;
        to.CorrelationId = from.CorrelationId;
        to.ContentType = from.ContentType;
        to.ContentEncoding = from.ContentEncoding;
        to.AbsoluteExpiryTime = from.AbsoluteExpiryTime;
        to.CreationTime = from.CreationTime;
        to.GroupId = from.GroupId;
        to.GroupSequence = from.GroupSequence;
        to.ReplyToGroupId = from.ReplyToGroupId;
    }

    private static byte[] ToArray(object? value) => value switch
    {
        ArraySegment<byte> segment => segment.ToArray(),
        byte[] bytes => bytes,
        _ => [],
    };
}
