namespace DagMaster.Application.Platforms.DeliverWebhook;

/// <summary>Makes one attempt of a pending delivery; answers the delay after which to try again, or null when done.</summary>
public sealed record DeliverWebhookCommand(Guid DeliveryId) : ICommand<TimeSpan?>;
