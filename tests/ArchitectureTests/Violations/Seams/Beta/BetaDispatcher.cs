namespace DagMaster.ArchitectureTests.Violations.Seams.Beta;

/// <summary>Compliant control: a transport's own type.</summary>
public sealed class BetaDispatcher
{
    public string Name => "beta";
}
