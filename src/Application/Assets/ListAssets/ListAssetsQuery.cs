namespace DagMaster.Application.Assets.ListAssets;

/// <summary>
/// Assets by id, keyset paged (<see cref="Cursor"/> is the last asset id of the previous page).
/// <see cref="Refs"/> matches assets whose platform refs contain every given key/value pair.
/// </summary>
public sealed record ListAssetsQuery(
    string? PlatformId = null,
    IReadOnlyDictionary<string, string>? Refs = null,
    bool IncludeDeleted = false,
    int Limit = 50,
    string? Cursor = null) : IQuery<AssetPageDto>;
