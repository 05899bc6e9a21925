using DagMaster.Domain.Common;

namespace DagMaster.ArchitectureTests.Violations.DomainModel;

/// <summary>
/// Violation: an aggregate with a public <c>init</c> setter. Style 6.1 rule 5 asks for <c>private set</c>:
/// with <c>init</c>, turning the aggregate into a record would let <c>with { Name = … }</c> bypass every invariant.
/// </summary>
public sealed class InitOnlyThing : IAggregateRoot
{
    private InitOnlyThing()
    {
    }

    public string Name { get; init; } = "";

    public static InitOnlyThing Create(string name) => new() { Name = name };
}
