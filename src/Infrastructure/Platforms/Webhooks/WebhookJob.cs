using DagMaster.Application.Platforms.DeliverWebhook;
using DagMaster.Infrastructure.Common.Hangfire;
using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Infrastructure.Platforms.Webhooks;

/// <summary>
/// The Hangfire job of one callback attempt. A failed attempt schedules the next one (a delayed Hangfire job)
/// after the platform's backoff; Hangfire's own retry is off so every attempt is counted by the delivery.
/// The method is static and runs in a live host's services (<see cref="HangfireHosts"/>).
/// </summary>
public static class WebhookJob
{
    public const string Queue = "webhooks";

    [AutomaticRetry(Attempts = 0)]
    [Queue(Queue)]
    public static async Task DeliverAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var scope = HangfireHosts.Any.CreateAsyncScope();
        var retryIn = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DeliverWebhookCommand(deliveryId), cancellationToken);
        if (retryIn is { } delay)
        {
            scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>().Schedule(() => DeliverAsync(deliveryId, CancellationToken.None), delay);
        }
    }
}
