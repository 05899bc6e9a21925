using DagMaster.Application.Platforms.Common;

namespace DagMaster.Application.Platforms.SetPlatformActive;

/// <summary>Deactivates (no submissions, keys refused) or reactivates a platform.</summary>
public sealed record SetPlatformActiveCommand(string PlatformId, bool Active) : ICommand<PlatformDto>;
