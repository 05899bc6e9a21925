namespace DagMaster.Application.Common.Tenants;

/// <summary>The limits of platform keys, from the registry entry and the deployment's defaults.</summary>
public interface ITenantPolicies
{
    /// <summary>The platform's policy, or null when there is no such platform.</summary>
    Task<TenantPolicy?> FindAsync(string platformId, CancellationToken cancellationToken);

    /// <summary>How many of the platform's jobs are pending or running, counted up to <paramref name="upTo"/>.</summary>
    Task<int> CountActiveJobsAsync(string platformId, int upTo, CancellationToken cancellationToken);
}
