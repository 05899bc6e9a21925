using DagMaster.Application.Abstractions;
using DagMaster.Infrastructure.Common.Hangfire;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DagMaster.Infrastructure.Platforms.Webhooks;

internal static class HangfireRegistration
{
    public const string Schema = "hangfire";

    /// <summary>
    /// Hangfire on PostgreSQL (its own schema, installed by Hangfire at start) running the webhook queue, with a pool of
    /// its own (its long polling holds connections).
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration, NpgsqlDataSource dataSource)
    {
        services.Configure<WebhookOptions>(o =>
        {
            o.RetryDelays = WebhookOptions.ParseDelays(configuration["WEBHOOK_RETRY_DELAYS_SECONDS"]) ?? o.RetryDelays;
            o.Timeout = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("WEBHOOK_TIMEOUT_SECONDS", 10.0), 1, 120));
            o.AllowPrivateNetworks = configuration.GetValue("WEBHOOK_ALLOW_PRIVATE_NETWORKS", false);
        });
        services.AddSingleton<IWebhookSender, HmacWebhookSender>();
        services.AddSingleton<ICallbackUrlPolicy, CallbackUrlPolicy>();
        // Each host owns its storage (registered before AddHangfire, which then keeps it) instead of Hangfire's
        // process-wide JobStorage.Current: several hosts in one process (tests, scale-out) must not share or
        // dispose each other's.
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(5),
        };
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new DataSourceConnectionFactory(dataSource), storageOptions));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(LiveHostsLogProvider.Instance));
        services.AddHostedService<HangfireHostLink>();

        // WEBHOOK_WORKERS: Hangfire workers of this instance (default 2); 0 runs neither a Hangfire server nor the
        // outbox hand-over here (another instance sends the callbacks).
        var workers = Math.Clamp(configuration.GetValue("WEBHOOK_WORKERS", 2), 0, 20);
        if (workers == 0)
        {
            return services;
        }

        services.AddHostedService<WebhookOutboxDispatcher>();
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = workers;
            o.Queues = [WebhookJob.Queue, "default"];
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        return services;
    }
}
