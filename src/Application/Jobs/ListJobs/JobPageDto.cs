namespace DagMaster.Application.Jobs.ListJobs;

public sealed record JobPageDto(IReadOnlyList<JobSummaryDto> Items, string? NextCursor);
