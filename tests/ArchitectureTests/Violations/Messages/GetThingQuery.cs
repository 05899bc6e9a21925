using Mediator;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Compliant control.</summary>
public sealed record GetThingQuery(Guid Id) : IQuery<string?>;
