using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Platforms.Common;

internal static class PlatformMapping
{
    public static PlatformDto ToDto(Platform p) => new(
        p.Id, p.DisplayName, p.Description, p.RequiredRefs, p.OptionalRefs, p.VersionRef, p.Workflows, p.CallbackUrl, p.AllowedWorkflows, p.MaxPriority, p.MaxRunningJobs, p.IsActive,
        p.CreatedAt, p.UpdatedAt,
        p.ApiKeys.OrderBy(k => k.CreatedAt).Select(k => new ApiKeyDto(k.Id, k.Name, k.Prefix, k.CreatedAt, k.RevokedAt)).ToList());
}
