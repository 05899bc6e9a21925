using DagMaster.Application.Assets.Common;

namespace DagMaster.Application.Assets.ReviewVersion;

/// <summary>Approves (<see cref="Approve"/>) or rejects a version under review; a rejection needs a reason.</summary>
public sealed record ReviewVersionCommand(string AssetId, int Ordinal, bool Approve, string? Reason, string Actor) : ICommand<AssetVersionDto>;
