using Microsoft.Extensions.Logging;

namespace DagMaster.Application.Jobs.PurgeEndedJobs;

public sealed partial class PurgeEndedJobsCommandHandler(IEndedJobsPurger purger, TimeProvider clock, ILogger<PurgeEndedJobsCommandHandler> logger)
    : ICommandHandler<PurgeEndedJobsCommand, int>
{
    public async ValueTask<int> Handle(PurgeEndedJobsCommand command, CancellationToken cancellationToken)
    {
        var endedBefore = clock.GetUtcNow().AddDays(-command.RetentionDays);
        var deleted = 0;
        for (var batch = 0; batch < command.MaxBatches; batch++)
        {
            var count = await purger.DeleteBatchAsync(endedBefore, command.BatchSize, cancellationToken);
            deleted += count;
            if (count < command.BatchSize)
            {
                break;
            }
        }

        if (deleted > 0)
        {
            LogPurged(deleted, endedBefore);
        }

        await purger.RecordRunAsync(new RetentionRun(clock.GetUtcNow(), endedBefore, deleted), cancellationToken);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} jobs that ended before {EndedBefore}")]
    private partial void LogPurged(int count, DateTimeOffset endedBefore);
}
