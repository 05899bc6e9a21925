namespace DagMaster.Application.Jobs.ListJobs;

/// <summary>
/// A page of jobs, newest first, with keyset paging. <see cref="Refs"/> matches jobs whose B2B refs contain
/// every given key/value pair.
/// </summary>
public sealed record ListJobsQuery(
    string? Status = null,
    string? WorkflowId = null,
    string? CorrelationId = null,
    string? PlatformId = null,
    DateTimeOffset? CreatedAfter = null,
    DateTimeOffset? CreatedBefore = null,
    IReadOnlyDictionary<string, string>? Refs = null,
    int Limit = 50,
    string? Cursor = null) : IQuery<JobPageDto>;
