namespace DagMaster.Infrastructure.Dispatch;

public sealed class QueueOptions
{
    /// <summary>WORKER_LEASE_SECONDS: how long a claim or a heartbeat keeps a task leased to its worker.</summary>
    public double LeaseSeconds { get; set; } = 60;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}
