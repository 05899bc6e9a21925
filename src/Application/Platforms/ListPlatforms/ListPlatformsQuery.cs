using DagMaster.Application.Platforms.Common;

namespace DagMaster.Application.Platforms.ListPlatforms;

/// <summary>Every registry entry, or only <see cref="PlatformId"/>'s for a platform caller.</summary>
public sealed record ListPlatformsQuery(string? PlatformId = null) : IQuery<IReadOnlyList<PlatformDto>>;
