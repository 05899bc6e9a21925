using DagMaster.Application.Assets.Common;

namespace DagMaster.Application.Assets.SetClearance;

/// <summary>Moves an asset's clearance forward: uncleared → ouo → public.</summary>
public sealed record SetClearanceCommand(string AssetId, string? Clearance, string Actor) : ICommand<AssetDto>;
