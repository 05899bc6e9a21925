namespace DagMaster.Domain.Platforms;

/// <summary>The editable part of a registry entry: everything an integration needs, as data.</summary>
public sealed record PlatformSettings(
    string DisplayName,
    string? Description,
    IReadOnlyList<string> RequiredRefs,
    IReadOnlyList<string> OptionalRefs,
    string? VersionRef,
    IReadOnlyDictionary<string, string> Workflows,
    string? CallbackUrl);
