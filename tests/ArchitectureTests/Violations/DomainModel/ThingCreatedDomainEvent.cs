using DagMaster.Domain.Common;

namespace DagMaster.ArchitectureTests.Violations.DomainModel;

/// <summary>Compliant control: a sealed positional record (init-only properties are accepted).</summary>
public sealed record ThingCreatedDomainEvent(Guid ThingId, DateTimeOffset OccurredAt) : IDomainEvent;
