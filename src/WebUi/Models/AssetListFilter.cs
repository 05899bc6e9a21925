using System.Globalization;
using DagMaster.Application.Assets.ListAssets;

namespace DagMaster.WebUi.Models;

/// <summary>The asset list's query string as the form posts it.</summary>
public sealed record AssetListFilter(string? PlatformId, string? ApprovalState, string? Clearance, string? Search, string? Cursor, int Limit = 50)
{
    public static readonly IReadOnlyList<string> ApprovalStates = ["pending_review", "approved", "rejected"];

    public static readonly IReadOnlyList<string> Clearances = ["uncleared", "ouo", "public"];

    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100, 200];

    public ListAssetsQuery ToQuery() => new(
        PlatformId: Blank(PlatformId),
        Limit: PageSizes.Contains(Limit) ? Limit : 50,
        Cursor: Blank(Cursor),
        ApprovalState: Blank(ApprovalState),
        Clearance: Blank(Clearance),
        Search: Blank(Search));

    /// <summary>The query string values for a link to another page of the same filters.</summary>
    public Dictionary<string, string> RouteValues(string? cursor) => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["platform_id"] = Blank(PlatformId),
        ["approval_state"] = Blank(ApprovalState),
        ["clearance"] = Blank(Clearance),
        ["q"] = Blank(Search),
        ["limit"] = Limit == 50 ? null : Limit.ToString(CultureInfo.InvariantCulture),
        ["cursor"] = cursor,
    }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);

    public bool IsFiltered => new[] { PlatformId, ApprovalState, Clearance, Search }.Any(v => !string.IsNullOrWhiteSpace(v));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
