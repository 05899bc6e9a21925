using Microsoft.Azure.Amqp;

namespace DagMaster.Testing.ServiceBus;

/// <summary>A receiver attached to a queue: the peer's sending link to it and the credit it has granted.</summary>
internal sealed class QueueConsumer(PeerQueue queue, SendingAmqpLink link)
{
    public PeerQueue Queue { get; } = queue;

    public SendingAmqpLink Link { get; } = link;

    /// <summary>Messages the receiver still accepts (changed under the peer's lock only).</summary>
    public long Credit { get; set; }

    /// <summary>The receiver settles on send: receive-and-delete instead of peek-lock.</summary>
    public bool ReceiveAndDelete => Link.Settings.SettleType == SettleMode.SettleOnSend;
}
