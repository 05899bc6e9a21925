using DagMaster.Application.Platforms.TakeUnsentWebhooks;
using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure.Platforms.Webhooks;

/// <summary>
/// Hands committed callback rows (the outbox) to Hangfire. A row is marked before it is handed over; if the
/// process dies in between, the row is handed over again once the hand-over counts as lost — so a callback
/// is never lost, at worst sent twice (receivers de-duplicate by <c>X-DagMaster-Delivery</c>).
/// </summary>
internal sealed partial class WebhookOutboxDispatcher(
    IServiceScopeFactory scopes,
    IBackgroundJobClient jobs,
    IOptions<WebhookOptions> options,
    ILogger<WebhookOutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OutboxInterval);
        do
        {
            try
            {
                IReadOnlyList<Guid> taken;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    taken = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new TakeUnsentWebhooksCommand(), stoppingToken);
                    foreach (var id in taken)
                    {
                        jobs.Enqueue(() => WebhookJob.DeliverAsync(id, CancellationToken.None));
                    }
                }
                while (taken.Count > 0 && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook outbox sweep failed; retrying")]
    private partial void LogFailed(Exception exception);
}
