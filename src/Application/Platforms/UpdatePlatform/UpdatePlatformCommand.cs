using DagMaster.Application.Platforms.Common;
using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Platforms.UpdatePlatform;

/// <summary>Replaces a platform's settings; a given <see cref="SigningSecret"/> replaces the secret too.</summary>
public sealed record UpdatePlatformCommand(string PlatformId, PlatformSettings Settings, string? SigningSecret) : ICommand<PlatformDto>;
