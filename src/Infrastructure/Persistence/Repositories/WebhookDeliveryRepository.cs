using DagMaster.Domain.Platforms;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Infrastructure.Persistence.Repositories;

internal sealed class WebhookDeliveryRepository(DagMasterDbContext db) : IWebhookDeliveryRepository
{
    public void Add(WebhookDelivery delivery) => db.Set<WebhookDelivery>().Add(delivery);

    public async Task<WebhookDelivery?> GetForUpdateAsync(Guid id, CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);
        return await db.Set<WebhookDelivery>()
            .FromSql($"SELECT * FROM dagmaster.webhook_deliveries WHERE id = {id} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookDelivery>> TakeUnsentAsync(DateTimeOffset staleBefore, int limit, CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);
        var stale = staleBefore.ToUniversalTime();
        return await db.Set<WebhookDelivery>()
            .FromSql($"""
                SELECT * FROM dagmaster.webhook_deliveries
                WHERE status = 'Pending'
                  AND (enqueued_at IS NULL OR (enqueued_at < {stale} AND (next_attempt_at IS NULL OR next_attempt_at < {stale})))
                ORDER BY created_at
                LIMIT {limit}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
    }
}
