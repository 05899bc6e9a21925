using DagMaster.Domain.Common;

namespace DagMaster.Domain.Jobs.Events;

/// <summary>A job reached a terminal state (completed, failed or cancelled).</summary>
public sealed record JobEndedDomainEvent(JobId JobId, string? PlatformId, JobStatus Status, DateTimeOffset OccurredAt) : IDomainEvent;
