namespace DagMaster.Testing.ServiceBus;

/// <summary>How one queue of the peer behaves; the peer's <see cref="ServiceBusPeerOptions"/> hold the defaults.</summary>
public sealed record QueueSettings
{
    /// <summary>How long a peek-locked message stays locked before it returns to the queue.</summary>
    public TimeSpan LockDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A message delivered this many times and then abandoned (or whose lock expired) is dead-lettered.</summary>
    public int MaxDeliveryCount { get; init; } = 10;

    /// <summary>A message whose MessageId was accepted within this window is accepted but dropped.</summary>
    public TimeSpan DuplicateDetectionWindow { get; init; } = TimeSpan.FromMinutes(10);
}
