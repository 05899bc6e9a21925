using DagMaster.Application.Platforms.SeedPlatforms;
using DagMaster.Domain.Platforms;

namespace DagMaster.Infrastructure.Platforms;

/// <summary>The platforms created on first start (configuration section <c>Platforms:Seed</c>).</summary>
public sealed class PlatformSeedOptions
{
    public const string Section = "Platforms";

    public List<PlatformSeedEntry> Seed { get; set; } = [];

    public IReadOnlyList<PlatformSeed> ToSeeds() => Seed
        .Where(s => !string.IsNullOrWhiteSpace(s.PlatformId))
        .Select(s => new PlatformSeed(s.PlatformId, new PlatformSettings(
            string.IsNullOrWhiteSpace(s.DisplayName) ? s.PlatformId : s.DisplayName,
            s.Description,
            s.RequiredRefs,
            s.OptionalRefs,
            s.VersionRef,
            s.Workflows,
            s.CallbackUrl)))
        .ToList();
}
