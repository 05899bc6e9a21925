using DagMaster.Application.Platforms.Common;

namespace DagMaster.Application.Platforms.GetPlatform;

public sealed record GetPlatformQuery(string PlatformId) : IQuery<PlatformDto?>;
