using DagMaster.Domain.Common;

namespace DagMaster.Domain.Assets.Rules;

/// <summary>A new version waits until every earlier one is reviewed and no revision is processing.</summary>
public sealed class EarlierVersionMustBeResolvedRule(GeospatialAsset asset) : IBusinessRule
{
    private AssetVersion? Unresolved => asset.Versions.Where(v => v.IsUnresolved).OrderBy(v => v.Ordinal).FirstOrDefault();

    public string Message => Unresolved is { } v
        ? $"version {v.Ordinal} ('{v.Label}') of asset {asset.Id} is still unresolved ({(v.Revisions.Any(r => r.Status == RevisionStatus.Processing) ? "processing" : "pending_review")})"
        : "no unresolved version";

    public bool IsBroken() => Unresolved is not null;
}
