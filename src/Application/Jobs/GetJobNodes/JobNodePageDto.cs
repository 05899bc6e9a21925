namespace DagMaster.Application.Jobs.GetJobNodes;

public sealed record JobNodePageDto(IReadOnlyList<JobNodeDto> Items, string? NextCursor);
