using DagMaster.Application.Platforms.Common;

namespace DagMaster.Application.Platforms.CreatePlatform;

public sealed record CreatePlatformResponse(PlatformDto Platform, string SigningSecret);
