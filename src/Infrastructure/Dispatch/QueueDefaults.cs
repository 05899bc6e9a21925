namespace DagMaster.Infrastructure.Dispatch;

internal static class QueueDefaults
{
    /// <summary>How long a claim or heartbeat keeps a task leased to its worker.</summary>
    public const int LeaseSeconds = 60;
}
