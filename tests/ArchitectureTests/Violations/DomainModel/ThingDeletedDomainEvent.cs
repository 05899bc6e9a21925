using DagMaster.Domain.Common;

namespace DagMaster.ArchitectureTests.Violations.DomainModel;

/// <summary>Violation: a domain event with a public setter (handlers could rewrite history).</summary>
public sealed class ThingDeletedDomainEvent : IDomainEvent
{
    public DateTimeOffset OccurredAt { get; set; }
}
