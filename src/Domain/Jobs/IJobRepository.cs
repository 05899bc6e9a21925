namespace DagMaster.Domain.Jobs;

public interface IJobRepository
{
    void Add(Job job);

    /// <summary>
    /// Loads the job with its workflow nodes and the chosen fan-out children, holding the job's row lock until
    /// the transaction ends.
    /// </summary>
    Task<Job?> GetForUpdateAsync(JobId id, ChildSelection children, CancellationToken cancellationToken);

    /// <summary>
    /// Loads several jobs with their workflow nodes and the named fan-out children, locking the jobs' rows in
    /// one statement and one order (so two transactions that lock overlapping sets cannot deadlock). Jobs
    /// that do not exist are left out.
    /// </summary>
    Task<IReadOnlyList<Job>> GetManyForUpdateAsync(
        IReadOnlyCollection<JobId> ids, IReadOnlyCollection<(JobId JobId, string NodeId)> children, CancellationToken cancellationToken);

    /// <summary>Loads up to <paramref name="count"/> waiting children of a fan-out into the job, lowest index first.</summary>
    Task<int> LoadWaitingChildrenAsync(Job job, string fanOutId, int count, CancellationToken cancellationToken);

    /// <summary>The outputs of a fan-out's completed children in index order, as JSON.</summary>
    Task<IReadOnlyList<string?>> ReadChildOutputsAsync(Job job, string fanOutId, CancellationToken cancellationToken);

    Task<Job?> FindByIdempotencyKeyAsync(string scope, string key, CancellationToken cancellationToken);
}
