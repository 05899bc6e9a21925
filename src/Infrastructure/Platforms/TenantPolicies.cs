using DagMaster.Application.Common.Tenants;
using DagMaster.Domain.Platforms;
using DagMaster.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure.Platforms;

/// <summary>A platform's policy from its registry entry, with the deployment's defaults where it sets none.</summary>
internal sealed class TenantPolicies(DagMasterDbContext db, IOptions<TenantOptions> options) : ITenantPolicies
{
    public async Task<TenantPolicy?> FindAsync(string platformId, CancellationToken cancellationToken)
    {
        var platform = await db.Set<Platform>().AsNoTracking()
            .Where(p => p.Id == platformId)
            .Select(p => new { p.Workflows, p.AllowedWorkflows, p.MaxPriority, p.MaxRunningJobs })
            .SingleOrDefaultAsync(cancellationToken);
        if (platform is null)
        {
            return null;
        }

        var workflows = platform.Workflows.Values.Concat(platform.AllowedWorkflows).ToHashSet(StringComparer.Ordinal);
        return new TenantPolicy(
            platformId, workflows, platform.MaxPriority ?? options.Value.MaxPriority, platform.MaxRunningJobs ?? options.Value.MaxRunningJobs);
    }

    public async Task<int> CountActiveJobsAsync(string platformId, int upTo, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value"
            FROM (SELECT 1 FROM dagmaster.jobs WHERE platform_id = {platformId} AND status IN ('Pending', 'Running') LIMIT {upTo}) AS active
            """).SingleAsync(cancellationToken);
}
