namespace DagMaster.Infrastructure.Platforms;

/// <summary>One configured platform, bound from configuration.</summary>
public sealed class PlatformSeedEntry
{
    public string PlatformId { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string? Description { get; set; }

    public List<string> RequiredRefs { get; set; } = [];

    public List<string> OptionalRefs { get; set; } = [];

    public string? VersionRef { get; set; }

    public Dictionary<string, string> Workflows { get; set; } = [];

    public string? CallbackUrl { get; set; }
}
