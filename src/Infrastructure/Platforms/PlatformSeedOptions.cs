namespace DagMaster.Infrastructure.Platforms;

/// <summary>The platforms created on first start (configuration section <c>Platforms:Seed</c>).</summary>
public sealed class PlatformSeedOptions
{
    public const string Section = "Platforms";

    public List<PlatformSeedEntry> Seed { get; set; } = [];
}
