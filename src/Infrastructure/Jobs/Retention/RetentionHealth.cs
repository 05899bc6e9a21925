using System.Globalization;
using DagMaster.Application.Abstractions;
using DagMaster.Application.Jobs.PurgeEndedJobs;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure.Jobs.Retention;

internal sealed class RetentionHealth(IOptions<RetentionOptions> options, IEndedJobsPurger purger) : IRetentionHealth
{
    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.Days;
        var setting = days == 0 ? "off (RETENTION_DAYS=0): ended jobs are kept" : $"ended jobs kept {days} days";
        return await purger.LastRunAsync(cancellationToken) is { } run
            ? string.Create(CultureInfo.InvariantCulture,
                $"{setting}; last run {run.FinishedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC deleted {run.Deleted} job(s) that ended before {run.EndedBefore.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC")
            : $"{setting}; no run yet";
    }
}
