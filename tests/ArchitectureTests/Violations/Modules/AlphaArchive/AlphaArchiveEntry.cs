namespace DagMaster.ArchitectureTests.Violations.Modules.AlphaArchive;

/// <summary>
/// Compliant control: uses its own module only. It fails if module Alpha is selected without a trailing dot,
/// because "…Modules.Alpha" is a prefix of "…Modules.AlphaArchive".
/// </summary>
public sealed record AlphaArchiveEntry(AlphaArchiveIndex Index);
