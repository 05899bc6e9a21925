namespace DagMaster.Application.Jobs.GetJob;

/// <summary><see cref="PlatformId"/>, when set, limits the answer to that platform's jobs (tenant isolation).</summary>
public sealed record GetJobQuery(Guid JobId, string? PlatformId = null) : IQuery<JobDetailsDto?>;
