using DagMaster.ArchitectureTests.Violations.Modules.Beta;

namespace DagMaster.ArchitectureTests.Violations.Modules.Alpha;

/// <summary>Violation: module Alpha reaches into module Beta's namespace.</summary>
public sealed record AlphaThing(string Name, BetaThing Beta);
