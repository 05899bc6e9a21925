using DagMaster.Application.Assets.Common;
using DagMaster.Application.Assets.GetAssetHistory;

namespace DagMaster.WebUi.Models;

public sealed record AssetPageModel(AssetDto Asset, IReadOnlyList<AssetEventDto> History, bool CanOperate)
{
    /// <summary>The clearances an operator may still move the asset to (it only moves forward).</summary>
    public IReadOnlyList<string> NextClearances =>
        AssetListFilter.Clearances.SkipWhile(c => c != Asset.Clearance).Skip(1).ToList();
}
