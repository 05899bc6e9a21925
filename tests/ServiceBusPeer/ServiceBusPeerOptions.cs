namespace DagMaster.Testing.ServiceBus;

/// <summary>Where the peer listens and how its queues behave by default.</summary>
public sealed record ServiceBusPeerOptions
{
    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The settings of queues created on first use.</summary>
    public QueueSettings DefaultQueueSettings { get; init; } = new();

    /// <summary>Announced as <c>max-message-size</c> on every link; bigger transfers are refused.</summary>
    public long MaxMessageSize { get; init; } = 256 * 1024;

    /// <summary>How often locks, schedules and time to live are checked.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMilliseconds(50);
}
