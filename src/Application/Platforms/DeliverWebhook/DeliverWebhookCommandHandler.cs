using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Platforms.DeliverWebhook;

public sealed class DeliverWebhookCommandHandler(
    IWebhookDeliveryRepository deliveries,
    IPlatformRepository platforms,
    IWebhookSender sender,
    ISecretProtector secrets,
    TimeProvider clock)
    : ICommandHandler<DeliverWebhookCommand, TimeSpan?>
{
    public async ValueTask<TimeSpan?> Handle(DeliverWebhookCommand command, CancellationToken cancellationToken)
    {
        var delivery = await deliveries.GetForUpdateAsync(command.DeliveryId, cancellationToken);
        if (delivery is not { Status: WebhookDeliveryStatus.Pending })
        {
            return null; // a repeat of a finished delivery changes nothing
        }

        var platform = await platforms.GetAsync(delivery.PlatformId, cancellationToken);
        if (platform?.CallbackUrl is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            delivery.Abandon("the platform has no callback_url", clock);
            return null;
        }

        var (status, error) = await sender.SendAsync(uri, secrets.Unprotect(platform.ProtectedSigningSecret), delivery.Id, delivery.Event, delivery.PayloadJson, cancellationToken);
        return delivery.RecordAttempt(status, error, sender.RetryDelays, clock);
    }
}
