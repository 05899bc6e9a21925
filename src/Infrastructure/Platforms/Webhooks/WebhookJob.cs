using System.Collections.Concurrent;
using DagMaster.Application.Platforms.DeliverWebhook;
using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Infrastructure.Platforms.Webhooks;

/// <summary>
/// The Hangfire job of one callback attempt. A failed attempt schedules the next one (a delayed Hangfire job)
/// after the platform's backoff; Hangfire's own retry is off so every attempt is counted by the delivery.
/// The method is static and runs in a live host's services: Hangfire's job activator is process-wide, so with
/// several hosts in one process (tests, scale-out) an instance could be built from a host already stopped.
/// </summary>
public static class WebhookJob
{
    public const string Queue = "webhooks";

    private static readonly ConcurrentDictionary<IServiceScopeFactory, byte> s_hosts = new();

    [AutomaticRetry(Attempts = 0)]
    [Queue(Queue)]
    public static async Task DeliverAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var scopes = s_hosts.Keys.FirstOrDefault() ?? throw new InvalidOperationException("no running DagMaster host to deliver webhooks");
        await using var scope = scopes.CreateAsyncScope();
        var retryIn = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DeliverWebhookCommand(deliveryId), cancellationToken);
        if (retryIn is { } delay)
        {
            scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>().Schedule(() => DeliverAsync(deliveryId, CancellationToken.None), delay);
        }
    }

    internal static void Attach(IServiceScopeFactory scopes) => s_hosts.TryAdd(scopes, 0);

    internal static void Detach(IServiceScopeFactory scopes) => s_hosts.TryRemove(scopes, out _);
}
