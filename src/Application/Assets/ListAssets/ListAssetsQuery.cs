namespace DagMaster.Application.Assets.ListAssets;

/// <summary>
/// Assets by id, keyset paged (<see cref="Cursor"/> is the last asset id of the previous page).
/// <see cref="Refs"/> matches assets whose platform refs contain every given key/value pair.
/// <see cref="ApprovalState"/> keeps assets with at least one version in that state, <see cref="Clearance"/> those
/// at that clearance, and <see cref="Search"/> those whose id equals it or one of whose ref values starts with it.
/// </summary>
public sealed record ListAssetsQuery(
    string? PlatformId = null,
    IReadOnlyDictionary<string, string>? Refs = null,
    bool IncludeDeleted = false,
    int Limit = 50,
    string? Cursor = null,
    string? ApprovalState = null,
    string? Clearance = null,
    string? Search = null) : IQuery<AssetPageDto>;
