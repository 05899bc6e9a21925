using DagMaster.Application.Jobs.ListJobs;
using DagMaster.Application.Platforms.CreateApiKey;
using DagMaster.Application.Platforms.GetPlatform;
using DagMaster.Application.Platforms.ListPlatforms;
using DagMaster.Application.Platforms.ListWebhookDeliveries;
using DagMaster.Application.Platforms.RevokeApiKey;
using DagMaster.Application.Platforms.SetPlatformActive;
using DagMaster.WebUi.Models;
using DagMaster.WebUi.Security;
using Microsoft.AspNetCore.Authorization;

namespace DagMaster.WebUi.Controllers;

[Route("ui/platforms")]
public sealed class PlatformsController(ISender sender) : UiController
{
    private const int RecentDeliveries = 25;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await sender.Send(new ListPlatformsQuery(), cancellationToken));

    [HttpGet("{platformId}")]
    public async Task<IActionResult> Details(string platformId, CancellationToken cancellationToken)
    {
        var platform = await sender.Send(new GetPlatformQuery(platformId), cancellationToken);
        if (platform is null)
        {
            return PageNotFound($"Platform '{platformId}'");
        }

        var deliveries = await sender.Send(new ListWebhookDeliveriesQuery(platformId, null, RecentDeliveries), cancellationToken);
        var jobs = await sender.Send(new ListJobsQuery(PlatformId: platformId, Limit: 10), cancellationToken);
        return View(new PlatformPageModel(platform, deliveries, jobs.Items, CanOperate));
    }

    /// <summary>Issues a key and shows it on this answer only (never redirected to, never stored in plain text).</summary>
    [HttpPost("{platformId}/keys")]
    [Authorize(Policy = UiPolicies.Operator)]
    public async Task<IActionResult> CreateKey(string platformId, [FromForm] string? name)
    {
        CreatedApiKeyDto? created = null;
        var ok = await TryActAsync(
            async () => created = await sender.Send(new CreateApiKeyCommand(platformId, string.IsNullOrWhiteSpace(name) ? null : name.Trim())),
            "");
        if (!ok || created is null)
        {
            return RedirectToAction(nameof(Details), new { platformId });
        }

        TempData.Remove(FlashKey);
        return View("KeyCreated", created);
    }

    [HttpPost("{platformId}/keys/{keyId:guid}/revoke")]
    [Authorize(Policy = UiPolicies.Operator)]
    public async Task<IActionResult> RevokeKey(string platformId, Guid keyId)
    {
        await TryActAsync(() => sender.Send(new RevokeApiKeyCommand(platformId, keyId)).AsTask(), "API key revoked: it no longer signs anyone in.");
        return RedirectToAction(nameof(Details), new { platformId });
    }

    [HttpPost("{platformId}/active")]
    [Authorize(Policy = UiPolicies.Operator)]
    public async Task<IActionResult> SetActive(string platformId, [FromForm] bool active)
    {
        await TryActAsync(
            () => sender.Send(new SetPlatformActiveCommand(platformId, active)).AsTask(),
            active ? "Platform activated." : "Platform deactivated: its submissions and keys are refused.");
        return RedirectToAction(nameof(Details), new { platformId });
    }
}
