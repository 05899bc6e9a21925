namespace DagMaster.Infrastructure.Platforms;

/// <summary>The defaults a platform's registry entry may raise: PLATFORM_MAX_PRIORITY, PLATFORM_MAX_RUNNING_JOBS.</summary>
public sealed class TenantOptions
{
    public int MaxPriority { get; set; } = 5;

    public int MaxRunningJobs { get; set; } = 1_000;
}
