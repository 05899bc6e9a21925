using System.Text.Json;
using DagMaster.Domain.Assets;
using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Assets.Common;

/// <summary>
/// Writes a platform callback as an outbox row in the current unit of work, so it commits — or not — with the
/// change it reports. Platforms without a <c>callback_url</c> get none.
/// </summary>
public sealed class AssetCallbacks(IPlatformRepository platforms, IWebhookDeliveryRepository deliveries, TimeProvider clock)
{
    public async Task EnqueueAsync(GeospatialAsset asset, Revision revision, string eventName, string status, CancellationToken cancellationToken)
    {
        var platform = await platforms.GetAsync(asset.PlatformId, cancellationToken);
        if (platform?.CallbackUrl is null)
        {
            return;
        }

        var version = asset.VersionOf(revision);
        var payload = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["event"] = eventName,
            ["request_id"] = revision.RequestId,
            ["status"] = status,
            ["asset_id"] = asset.Id.Value,
            ["version_ordinal"] = version.Ordinal,
            ["version_label"] = version.Label,
            ["revision"] = revision.Number,
            ["approval_state"] = AssetText.Of(version.ApprovalState),
            ["artifacts"] = AssetMapping.Json(revision.ArtifactsJson),
            ["error"] = revision.Error,
            ["occurred_at"] = clock.GetUtcNow(),
        });
        deliveries.Add(WebhookDelivery.Create(platform.Id, eventName, revision.RequestId, payload, clock));
    }
}
