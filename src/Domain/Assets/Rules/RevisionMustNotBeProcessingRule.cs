using DagMaster.Domain.Common;

namespace DagMaster.Domain.Assets.Rules;

/// <summary>A version is reprocessed only once its current run has ended.</summary>
public sealed class RevisionMustNotBeProcessingRule(AssetVersion version) : IBusinessRule
{
    public string Message => $"version {version.Ordinal} is still processing revision {version.CurrentRevision}";

    public bool IsBroken() => version.Revisions.Any(r => r.Status == RevisionStatus.Processing);
}
