namespace DagMaster.Application.Instances.ListInstances;

/// <summary>How often instances report, when one counts as stale and when its row is removed.</summary>
public static class InstanceRules
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan PruneAfter = TimeSpan.FromDays(1);

    /// <summary>At most this many rows are listed.</summary>
    public const int MaxListed = 200;
}
