namespace DagMaster.Application.Jobs.GetJobGraph;

/// <summary>Reads a job's top-level node states and its fan-out children grouped by parent and status.</summary>
public interface IJobGraphReader
{
    Task<JobGraphDto?> ReadAsync(Guid jobId, CancellationToken cancellationToken);
}
