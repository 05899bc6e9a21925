namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Violation: named like a query but implements no query interface.</summary>
public sealed record LookupThingQuery(Guid Id);
