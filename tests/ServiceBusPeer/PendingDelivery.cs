namespace DagMaster.Testing.ServiceBus;

/// <summary>A message chosen for a consumer under the peer's lock, sent after the lock is released.</summary>
internal sealed record PendingDelivery(QueueConsumer Consumer, StoredMessage Message, Guid? LockToken, DateTimeOffset? LockedUntil);
