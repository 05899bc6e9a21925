using DagMaster.Domain.Common;

namespace DagMaster.Domain.Assets.Rules;

public sealed class RollbackTargetMustBeEarlierCompletedRevisionRule(AssetVersion version, int revision) : IBusinessRule
{
    private Revision? Target => version.Revisions.SingleOrDefault(r => r.Number == revision);

    public string Message => Target switch
    {
        null => $"version {version.Ordinal} has no revision {revision}",
        { Status: not RevisionStatus.Completed } t => $"revision {revision} is {AssetText.Of(t.Status)}; only a completed revision can become current",
        _ => $"revision {revision} is already current",
    };

    public bool IsBroken() => Target is not { Status: RevisionStatus.Completed } t || t.Number == version.CurrentRevision;
}
