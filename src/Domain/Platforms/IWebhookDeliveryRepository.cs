namespace DagMaster.Domain.Platforms;

public interface IWebhookDeliveryRepository
{
    void Add(WebhookDelivery delivery);

    /// <summary>The delivery, tracked, holding its row lock until the transaction ends.</summary>
    Task<WebhookDelivery?> GetForUpdateAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Pending deliveries to hand to the background job runner, locked (skipping rows others hold): never handed over,
    /// or handed over so long ago (<paramref name="staleBefore"/>) without an outcome that the hand-over was lost.
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> TakeUnsentAsync(DateTimeOffset staleBefore, int limit, CancellationToken cancellationToken);
}
