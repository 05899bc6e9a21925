namespace DagMaster.ArchitectureTests.Violations.Modules.Common;

/// <summary>Fixture shared kernel: every module may use it.</summary>
public sealed record SharedThing(string Name);
