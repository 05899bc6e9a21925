using DagMaster.ArchitectureTests.Violations.Modules.Common;

namespace DagMaster.ArchitectureTests.Violations.Modules.Beta;

/// <summary>Compliant control: uses only Common.</summary>
public sealed record BetaThing(SharedThing Shared);
