using Azure.Messaging.ServiceBus;
using DagMaster.Testing.ServiceBus;

namespace DagMaster.ServiceBusPeerTests;

/// <summary>A peer and a client with short retries, per test; queue names are unique per test.</summary>
internal sealed class PeerFixture : IAsyncDisposable
{
    public static ServiceBusRetryOptions ShortRetries => new()
    {
        MaxRetries = 1,
        Delay = TimeSpan.FromMilliseconds(50),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        TryTimeout = TimeSpan.FromSeconds(5),
        Mode = ServiceBusRetryMode.Fixed,
    };

    private PeerFixture(ServiceBusPeer peer)
    {
        Peer = peer;
        Client = new ServiceBusClient(peer.ConnectionString, new ServiceBusClientOptions { RetryOptions = ShortRetries });
    }

    public ServiceBusPeer Peer { get; }

    public ServiceBusClient Client { get; }

    public static async Task<PeerFixture> StartAsync(ServiceBusPeerOptions? options = null) =>
        new(await ServiceBusPeer.StartAsync(options));

    public static string NewQueueName() => "q-" + Guid.NewGuid().ToString("N")[..8];

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Peer.DisposeAsync();
    }
}
