namespace DagMaster.Testing.ServiceBus;

/// <summary>What one queue has seen so far, and what it holds now.</summary>
/// <param name="Accepted">Messages stored (duplicates not included).</param>
/// <param name="DuplicatesDropped">Messages accepted from the sender but dropped as duplicates of an earlier MessageId.</param>
/// <param name="Active">Messages waiting to be delivered (visible now).</param>
/// <param name="Scheduled">Messages waiting for their scheduled enqueue time.</param>
/// <param name="Locked">Messages delivered in peek-lock mode and not settled yet.</param>
/// <param name="Completed">Messages completed (or received in receive-and-delete mode).</param>
/// <param name="Abandoned">Abandons, including locks that expired.</param>
/// <param name="DeadLettered">Messages moved to the dead-letter queue.</param>
/// <param name="Expired">Messages whose time to live ran out before they were delivered.</param>
/// <param name="Refused">Transfers refused (message too large, or <see cref="ServiceBusPeer.RefuseSends"/>).</param>
public sealed record QueueCounts(
    int Accepted,
    int DuplicatesDropped,
    int Active,
    int Scheduled,
    int Locked,
    int Completed,
    int Abandoned,
    int DeadLettered,
    int Expired,
    int Refused);
