using DagMaster.Application.Platforms.DeliverWebhook;
using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Infrastructure.Platforms.Webhooks;

/// <summary>
/// The Hangfire job of one callback attempt. A failed attempt schedules the next one (a delayed Hangfire job)
/// after the platform's backoff; Hangfire's own retry is off so every attempt is counted by the delivery.
/// </summary>
public sealed class WebhookJob(IServiceScopeFactory scopes, IBackgroundJobClient jobs)
{
    public const string Queue = "webhooks";

    [AutomaticRetry(Attempts = 0)]
    [Queue(Queue)]
    public async Task DeliverAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        TimeSpan? retryIn;
        await using (var scope = scopes.CreateAsyncScope())
        {
            retryIn = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DeliverWebhookCommand(deliveryId), cancellationToken);
        }

        if (retryIn is { } delay)
        {
            jobs.Schedule<WebhookJob>(j => j.DeliverAsync(deliveryId, CancellationToken.None), delay);
        }
    }
}
