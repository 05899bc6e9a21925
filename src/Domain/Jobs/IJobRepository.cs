namespace DagMaster.Domain.Jobs;

public interface IJobRepository
{
    void Add(Job job);

    /// <summary>Loads the job with its node states, holding the job's row lock until the transaction ends.</summary>
    Task<Job?> GetForUpdateAsync(JobId id, CancellationToken cancellationToken);

    Task<Job?> FindByIdempotencyKeyAsync(string scope, string key, CancellationToken cancellationToken);
}
