using DagMaster.Domain.Common;

namespace DagMaster.Domain.Assets.Rules;

public sealed class AssetMustNotBeDeletedRule(GeospatialAsset asset) : IBusinessRule
{
    public string Message => $"asset {asset.Id} was deleted and is not revived by a new submission";

    public bool IsBroken() => asset.IsDeleted;
}
