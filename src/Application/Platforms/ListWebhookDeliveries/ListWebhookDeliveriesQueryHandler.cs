using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Platforms.ListWebhookDeliveries;

public sealed class ListWebhookDeliveriesQueryHandler(IReadModel readModel) : IQueryHandler<ListWebhookDeliveriesQuery, IReadOnlyList<WebhookDeliveryDto>>
{
    public async ValueTask<IReadOnlyList<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        var deliveries = await readModel.WebhookDeliveries
            .Where(d => d.PlatformId == query.PlatformId && (query.RequestId == null || d.RequestId == query.RequestId))
            .OrderByDescending(d => d.CreatedAt)
            .Take(query.Limit)
            .ToListAsync(cancellationToken);
        return deliveries.Select(d => new WebhookDeliveryDto(
            d.Id, d.PlatformId, d.Event, d.RequestId, d.Status.ToString().ToLowerInvariant(), d.Attempts, d.LastStatusCode, d.LastError,
            JsonDocument.Parse(d.PayloadJson).RootElement.Clone(), d.CreatedAt, d.NextAttemptAt, d.CompletedAt)).ToList();
    }
}
