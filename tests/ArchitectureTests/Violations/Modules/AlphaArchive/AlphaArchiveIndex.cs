namespace DagMaster.ArchitectureTests.Violations.Modules.AlphaArchive;

/// <summary>Compliant control: a module whose name starts with another module's name.</summary>
public sealed record AlphaArchiveIndex(int Count);
