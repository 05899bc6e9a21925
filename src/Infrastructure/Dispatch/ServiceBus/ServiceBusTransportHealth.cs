using Azure.Messaging.ServiceBus;
using DagMaster.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure.Dispatch.ServiceBus;

/// <summary>
/// Reachable when a link to the results queue can be opened: making a message batch attaches a sender (the broker
/// tells its size limit) without sending anything.
/// </summary>
internal sealed class ServiceBusTransportHealth(ServiceBusSenders senders, IOptions<ServiceBusSettings> settings) : ITransportHealth
{
    public string Name => "servicebus";

    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var batch = await senders.For(settings.Value.ResultsQueue).CreateMessageBatchAsync(timeout.Token);
            return null;
        }
        catch (Exception ex) when (ex is ServiceBusException or OperationCanceledException or UnauthorizedAccessException or InvalidOperationException)
        {
            return $"{senders.Client.FullyQualifiedNamespace} unreachable: {ex.Message}";
        }
    }
}
