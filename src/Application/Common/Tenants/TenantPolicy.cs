namespace DagMaster.Application.Common.Tenants;

/// <summary>What a platform's keys may submit: these workflows, up to this priority, this many jobs pending or running at once.</summary>
public sealed record TenantPolicy(string PlatformId, IReadOnlySet<string> Workflows, int MaxPriority, int MaxRunningJobs);
