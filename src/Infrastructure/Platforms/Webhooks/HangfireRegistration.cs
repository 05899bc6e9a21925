using DagMaster.Application.Abstractions;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Infrastructure.Platforms.Webhooks;

internal static class HangfireRegistration
{
    public const string Schema = "hangfire";

    /// <summary>Hangfire on PostgreSQL (its own schema, installed by Hangfire at start) running the webhook queue.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.Configure<WebhookOptions>(o =>
        {
            o.RetryDelays = WebhookOptions.ParseDelays(configuration["WEBHOOK_RETRY_DELAYS_SECONDS"]) ?? o.RetryDelays;
            o.Timeout = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("WEBHOOK_TIMEOUT_SECONDS", 10.0), 1, 120));
        });
        services.AddSingleton<IWebhookSender, HmacWebhookSender>();
        services.AddTransient<WebhookJob>();
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                o => o.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = Schema,
                    PrepareSchemaIfNecessary = true,
                    EnableLongPolling = true,
                    QueuePollInterval = TimeSpan.FromSeconds(5),
                }));
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = 2;
            o.Queues = [WebhookJob.Queue, "default"];
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        services.AddHostedService<WebhookOutboxDispatcher>();
        return services;
    }
}
