namespace DagMaster.Application.Jobs.GetJobEvents;

/// <summary>A job's timeline in order, from after event <see cref="After"/>. Null when the job is unknown.</summary>
public sealed record GetJobEventsQuery(Guid JobId, long? After = null, int Limit = 500, string? PlatformId = null) : IQuery<JobEventPageDto?>;
