using DagMaster.Application.Assets.ListAssets;

namespace DagMaster.WebUi.Models;

public sealed record AssetListModel(AssetListFilter Filter, AssetPageDto Page, IReadOnlyList<string> PlatformIds, IReadOnlyList<string> Errors);
