using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Sasl;
using Microsoft.Azure.Amqp.Transport;

namespace DagMaster.Testing.ServiceBus;

/// <summary>
/// An in-process AMQP 1.0 broker that the Azure Service Bus SDK talks to like to a namespace: queues created on first
/// use, peek-lock and receive-and-delete receives, settlement, lock renewal, dead-lettering, duplicate detection,
/// time to live, scheduled messages, and switches that make it fail on purpose. See README.md for what it leaves out.
/// </summary>
public sealed class ServiceBusPeer : IAsyncDisposable
{
    private const string SaslMechanism = "MSSBCBS";
    private const int StartAttempts = 5;

    private readonly ServiceBusPeerOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PeerQueue> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SendingAmqpLink> _replyLinks = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private AmqpConnectionListener? _listener;
    private Task _sweeper = Task.CompletedTask;
    private long _sequence;
    private int _connectionsDropped;
    private volatile bool _refuseSends;
    private volatile bool _dropConnectionOnSend;
    private volatile string _refusalCondition = ServiceBusNames.ServerBusy;

    private ServiceBusPeer(ServiceBusPeerOptions options)
    {
        _options = options;
    }

    public int Port { get; private set; }

    /// <summary><c>Endpoint=sb://127.0.0.1:PORT;SharedAccessKeyName=peer;SharedAccessKey=…;UseDevelopmentEmulator=true</c>.</summary>
    public string ConnectionString =>
        $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName=peer;SharedAccessKey={Convert.ToBase64String("dagmaster-servicebus-peer-key"u8)};UseDevelopmentEmulator=true";

    /// <summary>While true every transfer to any queue is rejected with <see cref="RefusalCondition"/> (a transient error).</summary>
    public bool RefuseSends
    {
        get => _refuseSends;
        set => _refuseSends = value;
    }

    /// <summary>
    /// The error condition of refused sends: <c>com.microsoft:server-busy</c> by default. The SDK then holds every
    /// operation of that sender back for 10 s (its server-busy pause); <c>com.microsoft:timeout</c> is transient without it.
    /// </summary>
    public string RefusalCondition
    {
        get => _refusalCondition;
        set => _refusalCondition = string.IsNullOrWhiteSpace(value) ? ServiceBusNames.ServerBusy : value;
    }

    /// <summary>While true a transfer makes the peer abort the sender's connection without storing the message.</summary>
    public bool DropConnectionOnSend
    {
        get => _dropConnectionOnSend;
        set => _dropConnectionOnSend = value;
    }

    /// <summary>How many connections <see cref="DropConnectionOnSend"/> has aborted.</summary>
    public int ConnectionsDropped => Volatile.Read(ref _connectionsDropped);

    /// <summary>Starts listening on 127.0.0.1 (<see cref="ServiceBusPeerOptions.Port"/>, or a free port when it is 0).</summary>
    public static Task<ServiceBusPeer> StartAsync(ServiceBusPeerOptions? options = null)
    {
        var peer = new ServiceBusPeer(options ?? new ServiceBusPeerOptions());
        peer.Start();
        return Task.FromResult(peer);
    }

    /// <summary>Creates the queue with these settings, or changes the settings of an existing one (and its dead-letter queue).</summary>
    public void DeclareQueue(string name, QueueSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(settings);
        lock (_gate)
        {
            var queue = QueueLocked(name);
            queue.Settings = settings;
        }
    }

    /// <summary>The next <paramref name="count"/> completions on the queue are answered as accepted but the message stays (delivered again).</summary>
    public void RedeliverNextCompletions(string queue, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            QueueLocked(queue).CompletionsToLose = count;
        }
    }

    public QueueCounts GetCounts(string queue)
    {
        lock (_gate)
        {
            return QueueLocked(queue).Counts(DateTimeOffset.UtcNow);
        }
    }

    /// <summary>The messages in the queue (waiting, scheduled and locked), in sequence order.</summary>
    public IReadOnlyList<PeerMessage> GetMessages(string queue)
    {
        lock (_gate)
        {
            return QueueLocked(queue).Snapshot();
        }
    }

    /// <summary>The messages in the queue's dead-letter queue, in sequence order.</summary>
    public IReadOnlyList<PeerMessage> GetDeadLetteredMessages(string queue) => GetMessages(queue + ServiceBusNames.DeadLetterQueueSuffix);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener?.Close();
        try
        {
            await _sweeper;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stopping.Dispose();
    }

    internal void AttachSender(string queueName, ReceivingAmqpLink link)
    {
        lock (_gate)
        {
            QueueLocked(queueName);
        }

        link.RegisterMessageListener(message => OnTransfer(queueName, link, message));
    }

    internal void AttachReceiver(string queueName, SendingAmqpLink link)
    {
        QueueConsumer consumer;
        lock (_gate)
        {
            consumer = new QueueConsumer(QueueLocked(queueName), link);
            consumer.Queue.AddConsumer(consumer);
        }

        link.RegisterCreditListener((credit, drain, _) => OnCredit(consumer, credit, drain));
        link.RegisterDispositionListener(delivery => OnDisposition(consumer, delivery));
        link.SafeAddClosed((_, _) =>
        {
            lock (_gate)
            {
                consumer.Queue.RemoveConsumer(consumer);
            }
        });
    }

    internal void AttachRequests(ReceivingAmqpLink link, Func<AmqpMessage, AmqpMessage> answer) =>
        link.RegisterMessageListener(request => OnRequest(link, request, answer));

    internal void AttachReplies(SendingAmqpLink link)
    {
        var address = ((Target)link.Settings.Target).Address?.ToString();
        if (address is null)
        {
            return;
        }

        _replyLinks[address] = link;
        link.SafeAddClosed((_, _) => _replyLinks.TryRemove(new KeyValuePair<string, SendingAmqpLink>(address, link)));
    }

    internal AmqpMessage AnswerManagement(string queueName, AmqpMessage request)
    {
        var operation = request.ApplicationProperties.Map[ServiceBusNames.OperationProperty]?.ToString();
        var body = request.ValueBody?.Value as AmqpMap;
        if (operation is not (ServiceBusNames.RenewLockOperation or ServiceBusNames.UpdateDispositionOperation))
        {
            return ManagementResponse(
                501,
                $"The Service Bus test peer does not implement the management operation '{operation}'.",
                ServiceBusNames.NotImplemented);
        }

        if (body?[new MapKey(ServiceBusNames.LockTokensKey)] is not IEnumerable<Guid> tokens)
        {
            return ManagementResponse(400, $"{operation} needs a '{ServiceBusNames.LockTokensKey}' array of UUIDs.", ServiceBusNames.InvalidField);
        }

        return operation == ServiceBusNames.RenewLockOperation
            ? RenewLocks(queueName, tokens)
            : UpdateDisposition(queueName, tokens, body);
    }

    private AmqpMessage RenewLocks(string queueName, IEnumerable<Guid> tokens)
    {
        var expirations = new List<DateTime>();
        lock (_gate)
        {
            var queue = QueueLocked(queueName);
            var now = DateTimeOffset.UtcNow;
            foreach (var token in tokens)
            {
                if (queue.RenewLock(token, now) is not { } lockedUntil)
                {
                    return LockLostResponse(queueName, token);
                }

                expirations.Add(lockedUntil.UtcDateTime);
            }
        }

        var response = ManagementResponse(200, "OK", null);
        ((AmqpMap)response.ValueBody.Value)[new MapKey(ServiceBusNames.ExpirationsKey)] = expirations.ToArray();
        return response;
    }

    /// <summary>Settles by lock token over the management link (the SDK's way after its receive link was replaced).</summary>
    private AmqpMessage UpdateDisposition(string queueName, IEnumerable<Guid> tokens, AmqpMap body)
    {
        var status = body[new MapKey(ServiceBusNames.DispositionStatusKey)]?.ToString();
        var modify = MessageCodec.Entries(body[new MapKey(ServiceBusNames.PropertiesToModifyKey)] as AmqpMap).ToList();
        var deliveries = new List<PendingDelivery>();
        lock (_gate)
        {
            var queue = QueueLocked(queueName);
            var now = DateTimeOffset.UtcNow;
            foreach (var token in tokens)
            {
                var settled = status switch
                {
                    "completed" => queue.Complete(token, now),
                    "abandoned" or "defered" => queue.Abandon(token, modify, now, ref _sequence),
                    "suspended" => queue.DeadLetter(
                        token,
                        body[new MapKey(ServiceBusNames.DeadLetterReasonKey)] as string,
                        body[new MapKey(ServiceBusNames.DeadLetterDescriptionKey)] as string,
                        modify,
                        now,
                        ref _sequence),
                    _ => throw new AmqpException(AmqpErrorCode.InvalidField, $"Unknown disposition-status '{status}'."),
                };
                if (!settled)
                {
                    return LockLostResponse(queueName, token);
                }
            }

            queue.Dispatch(now, deliveries);
        }

        Send(deliveries);
        return ManagementResponse(200, "OK", null);
    }

    private static AmqpMessage LockLostResponse(string queueName, Guid token) =>
        ManagementResponse(410, $"The lock {token} on queue '{queueName}' has expired or is unknown.", ServiceBusNames.MessageLockLost);

    private static AmqpMessage ManagementResponse(int status, string description, string? condition)
    {
        var response = AmqpMessage.Create(new AmqpValue { Value = new AmqpMap() });
        response.ApplicationProperties.Map[ServiceBusNames.StatusCodeProperty] = status;
        response.ApplicationProperties.Map[ServiceBusNames.StatusDescriptionProperty] = description;
        if (condition is not null)
        {
            response.ApplicationProperties.Map[ServiceBusNames.ErrorConditionProperty] = new AmqpSymbol(condition);
        }

        return response;
    }

    private static Rejected Refusal(string condition, string description) =>
        new() { Error = new Error { Condition = new AmqpSymbol(condition), Description = description } };

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private void Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = _options.Port == 0 ? FreePort() : _options.Port;
            var settings = new AmqpSettings { RuntimeProvider = new PeerRuntime(this, (ulong)_options.MaxMessageSize) };
            var sasl = new SaslTransportProvider();
            sasl.AddHandler(new SaslAnonymousHandler(SaslMechanism));
            sasl.Versions.Add(new AmqpVersion(1, 0, 0));
            settings.TransportProviders.Add(sasl);
            var amqp = new AmqpTransportProvider();
            amqp.Versions.Add(new AmqpVersion(1, 0, 0));
            settings.TransportProviders.Add(amqp);
            var listener = new AmqpConnectionListener(
                [$"amqp://127.0.0.1:{port}"],
                settings,
                new AmqpConnectionSettings { ContainerId = "dagmaster-servicebus-peer" });
            try
            {
                listener.Open();
            }
            catch (Exception ex) when (ex is SocketException or AmqpException && _options.Port == 0 && attempt < StartAttempts)
            {
                // Another process took the free port between probing and binding: pick another.
                continue;
            }

            _listener = listener;
            Port = port;
            break;
        }

        _sweeper = SweepAsync(_stopping.Token);
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var deliveries = new List<PendingDelivery>();
            lock (_gate)
            {
                var now = DateTimeOffset.UtcNow;
                foreach (var queue in _queues.Values)
                {
                    queue.Sweep(now, ref _sequence);
                }

                foreach (var queue in _queues.Values)
                {
                    queue.Dispatch(now, deliveries);
                }
            }

            Send(deliveries);
        }
    }

    private PeerQueue QueueLocked(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        name = name.TrimStart('/');
        if (_queues.TryGetValue(name, out var queue))
        {
            return queue;
        }

        if (name.EndsWith(ServiceBusNames.DeadLetterQueueSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return QueueLocked(name[..^ServiceBusNames.DeadLetterQueueSuffix.Length]).DeadLetterQueue!;
        }

        queue = new PeerQueue(name, _options.DefaultQueueSettings);
        _queues[name] = queue;
        _queues[queue.DeadLetterQueue!.Name] = queue.DeadLetterQueue;
        return queue;
    }

    private void OnTransfer(string queueName, ReceivingAmqpLink link, AmqpMessage message)
    {
        try
        {
            if (DropConnectionOnSend)
            {
                Interlocked.Increment(ref _connectionsDropped);
                link.Session.Connection.Abort();
                return;
            }

            DeliveryState outcome;
            var deliveries = new List<PendingDelivery>();
            if (RefuseSends)
            {
                lock (_gate)
                {
                    QueueLocked(queueName).CountRefused();
                }

                outcome = Refusal(RefusalCondition, $"The Service Bus test peer refuses sends to '{queueName}' (RefuseSends).");
            }
            else if (message.SerializedMessageSize > _options.MaxMessageSize)
            {
                lock (_gate)
                {
                    QueueLocked(queueName).CountRefused();
                }

                outcome = Refusal(
                    ServiceBusNames.MessageSizeExceeded,
                    $"The message ({message.SerializedMessageSize} bytes) is larger than the queue's limit of {_options.MaxMessageSize} bytes.");
            }
            else
            {
                var parts = MessageCodec.Split(message);
                lock (_gate)
                {
                    var queue = QueueLocked(queueName);
                    var now = DateTimeOffset.UtcNow;
                    foreach (var part in parts)
                    {
                        queue.Add(MessageCodec.Read(part, ++_sequence, now), now);
                    }

                    queue.Dispatch(now, deliveries);
                }

                outcome = new Accepted();
            }

            link.DisposeMessage(message, outcome, settled: true, batchable: false);
            Send(deliveries);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            link.DisposeMessage(message, Refusal(AmqpErrorCode.InternalError.Value, $"The peer could not store the message: {ex.Message}"), settled: true, batchable: false);
        }
        finally
        {
            message.Dispose();
        }
    }

    private void OnCredit(QueueConsumer consumer, uint credit, bool drain)
    {
        var deliveries = new List<PendingDelivery>();
        lock (_gate)
        {
            consumer.Credit = credit == uint.MaxValue ? long.MaxValue : consumer.Credit + credit;
            consumer.Queue.Dispatch(DateTimeOffset.UtcNow, deliveries);
            if (drain)
            {
                consumer.Credit = 0;
            }
        }

        // Sent before returning: a drain ends the link's credit as soon as this listener returns.
        Send(deliveries);
    }

    private void OnDisposition(QueueConsumer consumer, Delivery delivery)
    {
        var state = delivery.State;
        var deliveries = new List<PendingDelivery>();
        bool settled;
        lock (_gate)
        {
            var now = DateTimeOffset.UtcNow;
            var queue = consumer.Queue;
            var token = delivery.DeliveryTag.Count == 16 ? new Guid(delivery.DeliveryTag.AsSpan()) : Guid.Empty;
            settled = state switch
            {
                Accepted => queue.Complete(token, now),
                Released => queue.Abandon(token, [], now, ref _sequence),
                Modified modified => queue.Abandon(token, MessageCodec.Entries(modified.MessageAnnotations), now, ref _sequence),
                Rejected rejected => DeadLetter(queue, token, rejected.Error, now),
                _ => false,
            };
            queue.Dispatch(now, deliveries);
        }

        if (!delivery.Settled)
        {
            // A successful dead-letter is answered without an error: the SDK reads a rejection with an error as a failure.
            var answer = !settled
                ? Refusal(ServiceBusNames.MessageLockLost, "The lock supplied is invalid: it expired, or the message was already settled.")
                : state is Rejected ? new Rejected() : state;
            consumer.Link.DisposeDelivery(delivery, true, answer);
        }

        Send(deliveries);
    }

    private bool DeadLetter(PeerQueue queue, Guid token, Error? error, DateTimeOffset now)
    {
        var info = MessageCodec.Entries(error?.Info).ToList();
        var reason = info.FirstOrDefault(p => p.Key == ServiceBusNames.DeadLetterReasonProperty).Value as string;
        var description = info.FirstOrDefault(p => p.Key == ServiceBusNames.DeadLetterDescriptionProperty).Value as string;
        var others = info.Where(p => p.Key is not (ServiceBusNames.DeadLetterReasonProperty or ServiceBusNames.DeadLetterDescriptionProperty));
        return queue.DeadLetter(token, reason, description, others, now, ref _sequence);
    }

    private void OnRequest(ReceivingAmqpLink link, AmqpMessage request, Func<AmqpMessage, AmqpMessage> answer)
    {
        try
        {
            if (!request.Settled)
            {
                link.AcceptMessage(request, batchable: false);
            }

            var replyTo = request.Properties.ReplyTo?.ToString();
            if (replyTo is null || !_replyLinks.TryGetValue(replyTo, out var replies))
            {
                return;
            }

            AmqpMessage response;
            try
            {
                response = answer(request);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                response = ManagementResponse(500, $"The peer failed to answer: {ex.Message}", AmqpErrorCode.InternalError.Value);
            }

            response.Properties.CorrelationId = request.Properties.MessageId;
            replies.SendMessageNoWait(response, new ArraySegment<byte>(Guid.NewGuid().ToByteArray()), AmqpConstants.NullBinary);
        }
        finally
        {
            request.Dispose();
        }
    }

    private void Send(List<PendingDelivery> deliveries)
    {
        foreach (var delivery in deliveries)
        {
            try
            {
                var message = MessageCodec.ToDelivery(delivery.Message, delivery.LockedUntil);
                var tag = (delivery.LockToken ?? Guid.NewGuid()).ToByteArray();
                delivery.Consumer.Link.SendMessageNoWait(message, new ArraySegment<byte>(tag), AmqpConstants.NullBinary);
            }
            catch (Exception ex) when (ex is InvalidOperationException or AmqpException or ObjectDisposedException)
            {
                // The receiver went away: the message is not lost, it waits for the next one.
                lock (_gate)
                {
                    delivery.Consumer.Queue.Undeliver(delivery);
                }
            }
        }
    }
}
