using DagMaster.Domain.Common;

namespace DagMaster.Domain.Assets.Rules;

public sealed class OnlyCompletedRevisionCanBeApprovedRule(AssetVersion version) : IBusinessRule
{
    public string Message => $"version {version.Ordinal}'s current revision {version.CurrentRevision} is {(version.Current is { } r ? AssetText.Of(r.Status) : "missing")}, not completed";

    public bool IsBroken() => version.Current?.Status != RevisionStatus.Completed;
}
