namespace DagMaster.Application.Platforms.ListWebhookDeliveries;

/// <summary>A platform's callbacks, newest first, with their outcomes.</summary>
public sealed record ListWebhookDeliveriesQuery(string PlatformId, string? RequestId = null, int Limit = 100) : IQuery<IReadOnlyList<WebhookDeliveryDto>>;
