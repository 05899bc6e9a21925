using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace DagMaster.Infrastructure.Dispatch.ServiceBus;

/// <summary>The process's one Service Bus client and a sender per queue (senders are made once and kept open).</summary>
internal sealed class ServiceBusSenders(ServiceBusClient client) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ServiceBusSender> _senders = new(StringComparer.Ordinal);

    public ServiceBusClient Client => client;

    public ServiceBusSender For(string queue) => _senders.GetOrAdd(queue, client.CreateSender);

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values)
        {
            await sender.DisposeAsync();
        }

        await client.DisposeAsync();
    }
}
