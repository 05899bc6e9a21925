using DagMaster.Domain.Common;

namespace DagMaster.ArchitectureTests.Violations.DomainModel;

/// <summary>Violation: a business rule not named <c>*Rule</c>.</summary>
public sealed class ThingMustHaveOwner(string? owner) : IBusinessRule
{
    public string Message => "A thing must have an owner.";

    public bool IsBroken() => string.IsNullOrWhiteSpace(owner);
}
