using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Platforms.CreatePlatform;

/// <summary>Registers a platform. Without <see cref="SigningSecret"/> one is generated and answered once.</summary>
public sealed record CreatePlatformCommand(string PlatformId, PlatformSettings Settings, string? SigningSecret) : ICommand<CreatePlatformResponse>;
