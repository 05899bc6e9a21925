namespace DagMaster.Testing.ServiceBus;

/// <summary>
/// One queue's messages, locks, consumers and counts. Not thread-safe: <see cref="ServiceBusPeer"/> calls it under its lock.
/// </summary>
internal sealed class PeerQueue
{
    private readonly SortedDictionary<long, StoredMessage> _waiting = [];
    private readonly Dictionary<Guid, StoredMessage> _locked = [];
    private readonly Dictionary<string, DateTimeOffset> _seenMessageIds = new(StringComparer.Ordinal);
    private readonly List<QueueConsumer> _consumers = [];
    private int _nextConsumer;
    private int _accepted;
    private int _duplicates;
    private int _completed;
    private int _abandoned;
    private int _deadLettered;
    private int _expired;
    private int _refused;

    public PeerQueue(string name, QueueSettings settings, bool isDeadLetterQueue = false)
    {
        Name = name;
        Settings = settings;
        if (!isDeadLetterQueue)
        {
            DeadLetterQueue = new PeerQueue(name + ServiceBusNames.DeadLetterQueueSuffix, settings with { MaxDeliveryCount = int.MaxValue }, isDeadLetterQueue: true);
        }
    }

    public string Name { get; }

    public QueueSettings Settings { get; set; }

    public PeerQueue? DeadLetterQueue { get; }

    /// <summary>The next this many completions put the message back instead (a lost completion).</summary>
    public int CompletionsToLose { get; set; }

    public void AddConsumer(QueueConsumer consumer) => _consumers.Add(consumer);

    public void RemoveConsumer(QueueConsumer consumer) => _consumers.Remove(consumer);

    public void CountRefused() => _refused++;

    /// <summary>Stores a message unless its MessageId was seen within the duplicate detection window; true when stored.</summary>
    public bool Add(StoredMessage message, DateTimeOffset now)
    {
        if (message.MessageId is { } id && DeadLetterQueue is not null)
        {
            if (_seenMessageIds.TryGetValue(id, out var seenAt) && now - seenAt < Settings.DuplicateDetectionWindow)
            {
                _duplicates++;
                return false;
            }

            _seenMessageIds[id] = now;
        }

        _waiting.Add(message.SequenceNumber, message);
        _accepted++;
        return true;
    }

    /// <summary>Hands visible messages to consumers with credit, locking them (peek-lock) or removing them (receive-and-delete).</summary>
    public void Dispatch(DateTimeOffset now, List<PendingDelivery> deliveries)
    {
        while (NextConsumerWithCredit() is { } consumer && NextVisible(now) is { } message)
        {
            _waiting.Remove(message.SequenceNumber);
            consumer.Credit--;
            message.DeliveryCount++;
            if (consumer.ReceiveAndDelete)
            {
                _completed++;
                deliveries.Add(new PendingDelivery(consumer, message, null, null));
                continue;
            }

            var token = Guid.NewGuid();
            message.LockToken = token;
            message.LockedUntil = now + Settings.LockDuration;
            _locked[token] = message;
            deliveries.Add(new PendingDelivery(consumer, message, token, message.LockedUntil));
        }
    }

    /// <summary>A delivery could not be sent: the message goes back as if it had not been delivered.</summary>
    public void Undeliver(PendingDelivery delivery)
    {
        if (delivery.LockToken is { } token && _locked.Remove(token))
        {
            delivery.Message.LockToken = null;
            delivery.Message.DeliveryCount--;
            _waiting[delivery.Message.SequenceNumber] = delivery.Message;
        }
    }

    /// <summary>Accepted: removes the message, unless a lost completion was asked for. False when the lock is lost.</summary>
    public bool Complete(Guid token, DateTimeOffset now)
    {
        if (!TryTakeLocked(token, now, out var message))
        {
            return false;
        }

        if (CompletionsToLose > 0)
        {
            CompletionsToLose--;
            _waiting[message.SequenceNumber] = message;
            return true;
        }

        _completed++;
        return true;
    }

    /// <summary>Released or modified: back in the queue (or dead-lettered once delivered too often). False when the lock is lost.</summary>
    public bool Abandon(Guid token, IEnumerable<KeyValuePair<string, object?>> propertiesToModify, DateTimeOffset now, ref long sequence)
    {
        if (!TryTakeLocked(token, now, out var message))
        {
            return false;
        }

        Modify(message, propertiesToModify);
        Release(message, now, ref sequence);
        return true;
    }

    /// <summary>Rejected: moves the message to the dead-letter queue. False when the lock is lost.</summary>
    public bool DeadLetter(Guid token, string? reason, string? description, IEnumerable<KeyValuePair<string, object?>> propertiesToModify, DateTimeOffset now, ref long sequence)
    {
        if (!TryTakeLocked(token, now, out var message))
        {
            return false;
        }

        Modify(message, propertiesToModify);
        MoveToDeadLetter(message, reason, description, now, ref sequence);
        return true;
    }

    /// <summary>Extends the lock from now; null when the lock is lost.</summary>
    public DateTimeOffset? RenewLock(Guid token, DateTimeOffset now)
    {
        if (!_locked.TryGetValue(token, out var message) || message.LockedUntil <= now)
        {
            return null;
        }

        message.LockedUntil = now + Settings.LockDuration;
        return message.LockedUntil;
    }

    /// <summary>Expired locks return their messages; expired messages are dropped; old MessageIds are forgotten.</summary>
    public void Sweep(DateTimeOffset now, ref long sequence)
    {
        foreach (var message in _locked.Values.Where(m => m.LockedUntil <= now).ToList())
        {
            _locked.Remove(message.LockToken!.Value);
            message.LockToken = null;
            Release(message, now, ref sequence);
        }

        foreach (var message in _waiting.Values.Where(m => m.IsExpired(now)).ToList())
        {
            _waiting.Remove(message.SequenceNumber);
            _expired++;
        }

        foreach (var (id, seenAt) in _seenMessageIds.Where(p => now - p.Value >= Settings.DuplicateDetectionWindow).ToList())
        {
            _seenMessageIds.Remove(id);
        }
    }

    public QueueCounts Counts(DateTimeOffset now) => new(
        _accepted,
        _duplicates,
        _waiting.Values.Count(m => m.IsVisible(now) && !m.IsExpired(now)),
        _waiting.Values.Count(m => !m.IsVisible(now)),
        _locked.Count,
        _completed,
        _abandoned,
        _deadLettered,
        _expired,
        _refused);

    /// <summary>Waiting and locked messages, in sequence order.</summary>
    public IReadOnlyList<PeerMessage> Snapshot() =>
        [.. _waiting.Values.Concat(_locked.Values).OrderBy(m => m.SequenceNumber).Select(m => m.ToSnapshot())];

    private static void Modify(StoredMessage message, IEnumerable<KeyValuePair<string, object?>> propertiesToModify)
    {
        foreach (var (key, value) in propertiesToModify)
        {
            message.ModifiedProperties[key] = value;
        }
    }

    private void Release(StoredMessage message, DateTimeOffset now, ref long sequence)
    {
        _abandoned++;
        if (message.DeliveryCount >= Settings.MaxDeliveryCount)
        {
            MoveToDeadLetter(
                message,
                ServiceBusNames.MaxDeliveryCountExceeded,
                $"Message could not be consumed after {Settings.MaxDeliveryCount} delivery attempts.",
                now,
                ref sequence);
            return;
        }

        _waiting[message.SequenceNumber] = message;
    }

    private void MoveToDeadLetter(StoredMessage message, string? reason, string? description, DateTimeOffset now, ref long sequence)
    {
        if (DeadLetterQueue is null)
        {
            // Dead-lettering from a dead-letter queue keeps the message where it is.
            _waiting[message.SequenceNumber] = message;
            return;
        }

        if (reason is not null)
        {
            message.ModifiedProperties[ServiceBusNames.DeadLetterReasonProperty] = reason;
        }

        if (description is not null)
        {
            message.ModifiedProperties[ServiceBusNames.DeadLetterDescriptionProperty] = description;
        }

        _deadLettered++;
        DeadLetterQueue.Add(message.CopyForDeadLetter(++sequence, now, Name), now);
    }

    private bool TryTakeLocked(Guid token, DateTimeOffset now, out StoredMessage message)
    {
        if (!_locked.TryGetValue(token, out message!) || message.LockedUntil <= now)
        {
            return false;
        }

        _locked.Remove(token);
        message.LockToken = null;
        return true;
    }

    private StoredMessage? NextVisible(DateTimeOffset now)
    {
        foreach (var message in _waiting.Values.ToList())
        {
            if (message.IsExpired(now))
            {
                _waiting.Remove(message.SequenceNumber);
                _expired++;
                continue;
            }

            if (message.IsVisible(now))
            {
                return message;
            }
        }

        return null;
    }

    private QueueConsumer? NextConsumerWithCredit()
    {
        for (var i = 0; i < _consumers.Count; i++)
        {
            var consumer = _consumers[(_nextConsumer + i) % _consumers.Count];
            // The link's own credit falls to zero when the receiver drains; never send beyond it.
            consumer.Credit = Math.Min(consumer.Credit, consumer.Link.LinkCredit);
            if (consumer.Credit > 0)
            {
                _nextConsumer = (_nextConsumer + i + 1) % _consumers.Count;
                return consumer;
            }
        }

        return null;
    }
}
