using DagMaster.Application.Assets.GetAsset;
using DagMaster.Application.Assets.GetAssetHistory;
using DagMaster.Application.Assets.ListAssets;
using DagMaster.Application.Assets.ReviewVersion;
using DagMaster.Application.Assets.RollbackVersion;
using DagMaster.Application.Assets.SetClearance;
using DagMaster.Application.Platforms.ListPlatforms;
using DagMaster.WebUi.Models;
using DagMaster.WebUi.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;

namespace DagMaster.WebUi.Controllers;

[Route("ui/assets")]
public sealed class AssetsController(ISender sender) : UiController
{
    private const int HistoryEntries = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "platform_id")] string? platformId,
        [FromQuery(Name = "approval_state")] string? approvalState,
        string? clearance,
        string? q,
        string? cursor,
        int? limit,
        CancellationToken cancellationToken)
    {
        var filter = new AssetListFilter(platformId, approvalState, clearance, q, cursor, limit ?? 50);
        var platforms = (await sender.Send(new ListPlatformsQuery(), cancellationToken)).Select(p => p.PlatformId).ToList();
        var page = new AssetPageDto([], null);
        IReadOnlyList<string> problems = [];
        try
        {
            page = await sender.Send(filter.ToQuery(), cancellationToken);
        }
        catch (ValidationException e)
        {
            problems = e.Errors.Select(x => x.ErrorMessage).ToList();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return View(new AssetListModel(filter, page, platforms, problems));
    }

    [HttpGet("{assetId}")]
    public async Task<IActionResult> Details(string assetId, CancellationToken cancellationToken)
    {
        var asset = await sender.Send(new GetAssetQuery(assetId), cancellationToken);
        if (asset is null)
        {
            return PageNotFound($"Asset '{assetId}'");
        }

        var history = await sender.Send(new GetAssetHistoryQuery(assetId, HistoryEntries), cancellationToken);
        return View(new AssetPageModel(asset, history, CanOperate));
    }

    [HttpPost("{assetId}/versions/{ordinal:int}/approve")]
    [Authorize(Policy = UiPolicies.Operator)]
    public async Task<IActionResult> Approve(string assetId, int ordinal)
    {
        await TryActAsync(() => sender.Send(new ReviewVersionCommand(assetId, ordinal, true, null, Actor)).AsTask(), $"Version {ordinal} approved.");
        return RedirectToAction(nameof(Details), new { assetId });
    }

    [HttpPost("{assetId}/versions/{ordinal:int}/reject")]
    [Authorize(Policy = UiPolicies.Operator)]
    public async Task<IActionResult> Reject(string assetId, int ordinal, [FromForm] string? reason)
    {
        await TryActAsync(
            () => sender.Send(new ReviewVersionCommand(assetId, ordinal, false, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), Actor)).AsTask(),
            $"Version {ordinal} rejected.");
        return RedirectToAction(nameof(Details), new { assetId });
    }

    [HttpPost("{assetId}/versions/{ordinal:int}/rollback")]
    [Authorize(Policy = UiPolicies.Operator)]
    public async Task<IActionResult> Rollback(string assetId, int ordinal, [FromForm] int revision)
    {
        await TryActAsync(
            () => sender.Send(new RollbackVersionCommand(assetId, ordinal, revision, Actor)).AsTask(),
            $"Version {ordinal} rolled back to revision {revision}.");
        return RedirectToAction(nameof(Details), new { assetId });
    }

    [HttpPost("{assetId}/clearance")]
    [Authorize(Policy = UiPolicies.Operator)]
    public async Task<IActionResult> SetClearance(string assetId, [FromForm] string? clearance)
    {
        await TryActAsync(() => sender.Send(new SetClearanceCommand(assetId, clearance, Actor)).AsTask(), $"Clearance set to {clearance}.");
        return RedirectToAction(nameof(Details), new { assetId });
    }
}
