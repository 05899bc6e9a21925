using DagMaster.Application.Assets.Common;

namespace DagMaster.Application.Assets.RollbackVersion;

/// <summary>Makes an earlier completed revision of a version current again.</summary>
public sealed record RollbackVersionCommand(string AssetId, int Ordinal, int Revision, string Actor) : ICommand<AssetVersionDto>;
