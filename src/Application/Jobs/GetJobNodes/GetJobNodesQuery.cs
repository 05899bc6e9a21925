namespace DagMaster.Application.Jobs.GetJobNodes;

/// <summary>Node states of a job, fan-out children included, paged by node id. Null when the job is unknown.</summary>
public sealed record GetJobNodesQuery(Guid JobId, int Limit = 200, string? Cursor = null, string? PlatformId = null) : IQuery<JobNodePageDto?>;
