using DagMaster.Application.Abstractions;
using DagMaster.Application.Jobs.PurgeEndedJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Infrastructure.Jobs.Retention;

internal static class RetentionRegistration
{
    /// <summary>Ended jobs older than RETENTION_DAYS (default 30) are deleted by a recurring Hangfire job, in bounded batches.</summary>
    public static IServiceCollection AddJobRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RetentionOptions>(o =>
        {
            o.Days = Math.Max(0, configuration.GetValue("RETENTION_DAYS", o.Days));
            o.BatchSize = Math.Clamp(configuration.GetValue("RETENTION_BATCH_SIZE", o.BatchSize), 1, 10_000);
            o.Cron = configuration["RETENTION_CRON"] ?? o.Cron;
        });
        services.AddSingleton<IEndedJobsPurger, EndedJobsPurger>();
        services.AddSingleton<IRetentionHealth, RetentionHealth>();
        services.AddHostedService<RetentionScheduler>();
        return services;
    }
}
