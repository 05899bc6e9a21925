using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Transport;

namespace DagMaster.Testing.ServiceBus;

/// <summary>Creates the peer's connections, sessions and links, and routes each attached link by its address.</summary>
internal sealed class PeerRuntime(ServiceBusPeer peer, ulong maxMessageSize) : IRuntimeProvider
{
    private const uint RequestCredit = 100;

    public AmqpConnection CreateConnection(TransportBase transport, ProtocolHeader protocolHeader, bool isInitiator, AmqpSettings amqpSettings, AmqpConnectionSettings connectionSettings) =>
        new(transport, protocolHeader, isInitiator, amqpSettings, connectionSettings);

    public AmqpSession CreateSession(AmqpConnection connection, AmqpSessionSettings settings) => new(connection, settings, this);

    public AmqpLink CreateLink(AmqpSession session, AmqpLinkSettings settings)
    {
        settings.MaxMessageSize = maxMessageSize;
        return settings.Role == true ? new ReceivingAmqpLink(session, settings) : new SendingAmqpLink(session, settings);
    }

    public IAsyncResult BeginOpenLink(AmqpLink link, TimeSpan timeout, AsyncCallback callback, object state)
    {
        if (link is ReceivingAmqpLink receiver)
        {
            var address = Normalize(((Target)receiver.Settings.Target).Address);
            if (address == ServiceBusNames.CbsAddress)
            {
                peer.AttachRequests(receiver, CbsRequests.Answer);
            }
            else if (address.EndsWith(ServiceBusNames.ManagementSuffix, StringComparison.Ordinal))
            {
                var queue = address[..^ServiceBusNames.ManagementSuffix.Length];
                peer.AttachRequests(receiver, request => peer.AnswerManagement(queue, request));
            }
            else
            {
                peer.AttachSender(address, receiver);
            }

            receiver.SetTotalLinkCredit(RequestCredit, applyNow: true, updateAutoFlow: true);
        }
        else
        {
            var sender = (SendingAmqpLink)link;
            var address = Normalize(((Source)sender.Settings.Source).Address);
            if (address == ServiceBusNames.CbsAddress || address.EndsWith(ServiceBusNames.ManagementSuffix, StringComparison.Ordinal))
            {
                peer.AttachReplies(sender);
            }
            else
            {
                peer.AttachReceiver(address, sender);
            }
        }

        return CompletedOpen.Run(callback, state);
    }

    public void EndOpenLink(IAsyncResult result)
    {
        // Links open synchronously in BeginOpenLink.
    }

    /// <summary>The SDK sends entity addresses with a leading slash (<c>/q1</c>) on some links and without on others.</summary>
    public static string Normalize(Address? address) =>
        address?.ToString()?.TrimStart('/') ?? throw new AmqpException(AmqpErrorCode.InvalidField, "The link has no address.");
}
