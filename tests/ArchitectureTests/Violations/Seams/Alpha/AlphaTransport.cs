using DagMaster.ArchitectureTests.Violations.Seams.Beta;

namespace DagMaster.ArchitectureTests.Violations.Seams.Alpha;

/// <summary>Compliant control: a transport's own type.</summary>
public sealed class AlphaDispatcher
{
    public string Name => "alpha";
}

/// <summary>Violation: one transport naming another.</summary>
public sealed class AlphaReadsBeta(BetaDispatcher beta)
{
    public string Name => beta.Name;
}
