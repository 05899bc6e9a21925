namespace DagMaster.Domain.Platforms;

/// <summary>
/// The editable part of a registry entry: everything an integration needs, as data. The last three are an
/// operator's grants beyond the defaults: more workflows than its kinds map to, a higher priority ceiling, more
/// running jobs (null: the deployment's default).
/// </summary>
public sealed record PlatformSettings(
    string DisplayName,
    string? Description,
    IReadOnlyList<string> RequiredRefs,
    IReadOnlyList<string> OptionalRefs,
    string? VersionRef,
    IReadOnlyDictionary<string, string> Workflows,
    string? CallbackUrl,
    IReadOnlyList<string>? AllowedWorkflows = null,
    int? MaxPriority = null,
    int? MaxRunningJobs = null);
