using DagMaster.Domain.Platforms;

namespace DagMaster.WebApi.Contracts;

/// <summary>Body of <c>POST /api/v1/platforms</c> (with <c>platform_id</c>) and <c>PUT /api/v1/platforms/{platform_id}</c>.</summary>
public sealed record PlatformRequest(
    string? PlatformId,
    string? DisplayName,
    string? Description,
    IReadOnlyList<string>? RequiredRefs,
    IReadOnlyList<string>? OptionalRefs,
    string? VersionRef,
    IReadOnlyDictionary<string, string>? Workflows,
    string? CallbackUrl,
    string? SigningSecret,
    IReadOnlyList<string>? AllowedWorkflows = null,
    int? MaxPriority = null,
    int? MaxRunningJobs = null)
{
    public PlatformSettings ToSettings() => new(
        DisplayName ?? string.Empty, Description, RequiredRefs ?? [], OptionalRefs ?? [], VersionRef, Workflows ?? new Dictionary<string, string>(), CallbackUrl,
        AllowedWorkflows, MaxPriority, MaxRunningJobs);
}
