using DagMaster.Domain.Common;

namespace DagMaster.ArchitectureTests.Violations.DomainModel;

/// <summary>Violation: a domain event not named <c>*DomainEvent</c>.</summary>
public sealed record ThingRenamed(Guid ThingId, DateTimeOffset OccurredAt) : IDomainEvent;
