using DagMaster.ArchitectureTests.Violations.Seams.Alpha;
using DagMaster.ArchitectureTests.Violations.Seams.Beta;

namespace DagMaster.ArchitectureTests.Violations.Seams;

/// <summary>Compliant control: the registration that picks a transport names them all.</summary>
public static class ThingTransportRegistration
{
    public static string Pick(bool alpha) => alpha ? new AlphaDispatcher().Name : new BetaDispatcher().Name;
}

/// <summary>Violation: reaches past the seam into one transport.</summary>
public sealed class PeeksIntoAlpha(AlphaDispatcher alpha)
{
    public string Name => alpha.Name;
}
