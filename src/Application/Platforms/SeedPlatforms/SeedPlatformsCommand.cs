namespace DagMaster.Application.Platforms.SeedPlatforms;

/// <summary>Creates the configured platforms that do not exist yet; existing entries are left as operators edited them.</summary>
public sealed record SeedPlatformsCommand(IReadOnlyList<PlatformSeed> Platforms) : ICommand<IReadOnlyList<string>>;
