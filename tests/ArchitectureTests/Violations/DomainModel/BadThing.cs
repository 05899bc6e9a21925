using DagMaster.Domain.Common;

namespace DagMaster.ArchitectureTests.Violations.DomainModel;

/// <summary>Violation: an aggregate with a public constructor and a public setter.</summary>
public sealed class BadThing : IAggregateRoot
{
    public string Name { get; set; } = "";
}
