using Microsoft.Azure.Amqp;

namespace DagMaster.Testing.ServiceBus;

/// <summary>Answers claims-based-security requests (<c>put-token</c>): every token is accepted.</summary>
internal static class CbsRequests
{
    public static AmqpMessage Answer(AmqpMessage request)
    {
        var response = AmqpMessage.Create();
        response.ApplicationProperties.Map[ServiceBusNames.CbsStatusCodeProperty] = 202;
        response.ApplicationProperties.Map[ServiceBusNames.CbsStatusDescriptionProperty] = "Accepted";
        return response;
    }
}
