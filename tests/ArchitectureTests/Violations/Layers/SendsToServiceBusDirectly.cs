using Azure.Messaging.ServiceBus;

namespace DagMaster.ArchitectureTests.Violations.Layers;

/// <summary>Violation: talks to Azure Service Bus itself (only Infrastructure may use Azure packages).</summary>
public sealed class SendsToServiceBusDirectly(ServiceBusSender sender)
{
    public Task SendAsync(string body) => sender.SendMessageAsync(new ServiceBusMessage(body));
}
