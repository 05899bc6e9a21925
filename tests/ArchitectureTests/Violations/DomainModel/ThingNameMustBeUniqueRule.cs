using DagMaster.Domain.Common;

namespace DagMaster.ArchitectureTests.Violations.DomainModel;

/// <summary>Compliant control.</summary>
public sealed class ThingNameMustBeUniqueRule(IReadOnlyCollection<string> existingNames, string name) : IBusinessRule
{
    public string Message => $"A thing named '{name}' already exists.";

    public bool IsBroken() => existingNames.Contains(name);
}
