using DagMaster.Application.Assets.Common;

namespace DagMaster.Application.Assets.ListAssets;

public sealed record AssetPageDto(IReadOnlyList<AssetDto> Items, string? NextCursor);
