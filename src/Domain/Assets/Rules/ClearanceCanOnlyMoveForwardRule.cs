using DagMaster.Domain.Common;

namespace DagMaster.Domain.Assets.Rules;

public sealed class ClearanceCanOnlyMoveForwardRule(Clearance from, Clearance to) : IBusinessRule
{
    public string Message => $"clearance cannot move from {AssetText.Of(from)} to {AssetText.Of(to)} (uncleared → ouo → public)";

    public bool IsBroken() => to <= from;
}
