namespace DagMaster.Application.Jobs.GetJobEvents;

public sealed record JobEventPageDto(IReadOnlyList<JobEventDto> Items, long? NextAfter);
