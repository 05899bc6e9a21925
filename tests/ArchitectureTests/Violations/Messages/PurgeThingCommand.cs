using Mediator;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Violation: named like a command but a raw <c>IRequest</c> (it skips the commands-only unit of work).</summary>
public sealed record PurgeThingCommand(Guid Id) : IRequest<int>;
