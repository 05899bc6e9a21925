using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Platforms.SeedPlatforms;

public sealed record PlatformSeed(string PlatformId, PlatformSettings Settings);
