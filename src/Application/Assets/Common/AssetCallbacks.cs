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
        var payload = JsonSerializer.Serialize(
            new WebhookPayload(
                eventName,
                revision.RequestId,
                status,
                asset.Id.Value,
                version.Ordinal,
                version.Label,
                revision.Number,
                AssetText.Of(version.ApprovalState),
                AssetMapping.Json(revision.ArtifactsJson),
                revision.Error,
                clock.GetUtcNow()),
            WebhookPayload.Json);
        deliveries.Add(WebhookDelivery.Create(platform.Id, eventName, revision.RequestId, payload, clock));
    }
}
