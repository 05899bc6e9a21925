namespace DagMaster.Application.Jobs.PurgeEndedJobs;

/// <summary>Deletes ended jobs in bulk; each call is one transaction of its own.</summary>
public interface IEndedJobsPurger
{
    /// <summary>Deletes at most <paramref name="limit"/> jobs that ended before <paramref name="endedBefore"/> and no asset revision refers to; answers how many.</summary>
    Task<int> DeleteBatchAsync(DateTimeOffset endedBefore, int limit, CancellationToken cancellationToken);
}
