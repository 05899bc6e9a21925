namespace DagMaster.Application.Jobs.ListJobs;

/// <summary>The job list read path (keyset paging and JSON containment are provider specific).</summary>
public interface IJobListReader
{
    Task<IReadOnlyList<JobSummaryDto>> ListAsync(ListJobsQuery query, JobCursor? after, int take, CancellationToken cancellationToken);
}
