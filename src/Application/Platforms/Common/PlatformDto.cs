namespace DagMaster.Application.Platforms.Common;

/// <summary>A registry entry as the admin API shows it; the signing secret is never shown here.</summary>
public sealed record PlatformDto(
    string PlatformId,
    string DisplayName,
    string? Description,
    IReadOnlyList<string> RequiredRefs,
    IReadOnlyList<string> OptionalRefs,
    string? VersionRef,
    IReadOnlyDictionary<string, string> Workflows,
    string? CallbackUrl,
    IReadOnlyList<string> AllowedWorkflows,
    int? MaxPriority,
    int? MaxRunningJobs,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ApiKeyDto> ApiKeys);
