using DagMaster.Application.Jobs.PurgeEndedJobs;
using DagMaster.Infrastructure.Common.Hangfire;
using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure.Jobs.Retention;

/// <summary>The recurring Hangfire job that deletes ended jobs past RETENTION_DAYS (one instance at a time).</summary>
public static class RetentionJob
{
    public const string Id = "dagmaster-job-retention";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public static async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = HangfireHosts.Any.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<RetentionOptions>>().Value;
        if (options.Days > 0)
        {
            await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new PurgeEndedJobsCommand(options.Days, options.BatchSize, options.MaxBatches), cancellationToken);
        }
    }
}
