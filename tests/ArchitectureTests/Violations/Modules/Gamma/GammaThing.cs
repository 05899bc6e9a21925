using DagMaster.ArchitectureTests.Violations.Modules.Alpha;

namespace DagMaster.ArchitectureTests.Violations.Modules.Gamma;

/// <summary>Compliant control: Gamma → Alpha is on the fixture's allowed list (as Jobs → Workflows is in production).</summary>
public static class GammaThing
{
    public static string NameOf(AlphaThing alpha) => alpha.Name;
}
