using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure.Jobs.Retention;

/// <summary>
/// Registers (or, with RETENTION_DAYS=0, removes) the recurring retention job once the host runs; when the database
/// cannot be reached yet it tries again every 30 s, so start-up never waits for it.
/// </summary>
internal sealed partial class RetentionScheduler(
    IRecurringJobManager recurringJobs, IOptions<RetentionOptions> options, ILogger<RetentionScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (options.Value.Days > 0)
                {
                    recurringJobs.AddOrUpdate(
                        RetentionJob.Id, () => RetentionJob.RunAsync(CancellationToken.None), options.Value.Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
                }
                else
                {
                    recurringJobs.RemoveIfExists(RetentionJob.Id);
                }

                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNotScheduled(ex.GetType().Name, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention job could not be scheduled yet ({Error}: {Message}); trying again in 30 s")]
    private partial void LogNotScheduled(string error, string message);
}
