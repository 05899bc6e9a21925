using DagMaster.Domain.Platforms;

namespace DagMaster.Application.Platforms.TakeUnsentWebhooks;

public sealed class TakeUnsentWebhooksCommandHandler(IWebhookDeliveryRepository deliveries, TimeProvider clock)
    : ICommandHandler<TakeUnsentWebhooksCommand, IReadOnlyList<Guid>>
{
    /// <summary>A hand-over without any outcome for this long was lost (the process died); it is handed over again.</summary>
    public static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(2);

    public async ValueTask<IReadOnlyList<Guid>> Handle(TakeUnsentWebhooksCommand command, CancellationToken cancellationToken)
    {
        var taken = await deliveries.TakeUnsentAsync(clock.GetUtcNow() - LostAfter, command.Limit, cancellationToken);
        foreach (var delivery in taken)
        {
            delivery.MarkEnqueued(clock);
        }

        return taken.Select(d => d.Id).ToList();
    }
}
