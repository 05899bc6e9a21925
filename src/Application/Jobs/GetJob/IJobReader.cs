using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.GetJob;

/// <summary>Reads one job as stored, untracked, for the job's details.</summary>
public interface IJobReader
{
    /// <summary>
    /// The job, or null. Large inputs this instance already holds in memory are not read again: a status poll of a
    /// job whose inputs are a 100,000-item list would otherwise read and copy megabytes each time.
    /// </summary>
    Task<Job?> FindAsync(JobId id, CancellationToken cancellationToken);
}
