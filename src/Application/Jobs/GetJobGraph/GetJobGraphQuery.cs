namespace DagMaster.Application.Jobs.GetJobGraph;

/// <summary>
/// The state of a job's graph for drawing it: every node of the definition with its state, and each fan-out's
/// children as counts by status (never the children themselves). Null when the job is unknown.
/// </summary>
public sealed record GetJobGraphQuery(Guid JobId) : IQuery<JobGraphDto?>;
