namespace DagMaster.Application.Jobs.PurgeEndedJobs;

/// <summary>Deletes ended jobs in bulk; each call is one transaction of its own.</summary>
public interface IEndedJobsPurger
{
    /// <summary>Deletes at most <paramref name="limit"/> jobs that ended before <paramref name="endedBefore"/> and no asset revision refers to; answers how many.</summary>
    Task<int> DeleteBatchAsync(DateTimeOffset endedBefore, int limit, CancellationToken cancellationToken);

    /// <summary>Keeps the run as the last one, for the health checks.</summary>
    Task RecordRunAsync(RetentionRun run, CancellationToken cancellationToken);

    /// <summary>The last run of any instance; null before the first.</summary>
    Task<RetentionRun?> LastRunAsync(CancellationToken cancellationToken);
}
