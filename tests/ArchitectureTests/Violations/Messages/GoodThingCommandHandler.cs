using Mediator;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Compliant control.</summary>
public sealed class GoodThingCommandHandler : ICommandHandler<GoodThingCommand, Guid>
{
    public ValueTask<Guid> Handle(GoodThingCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(Guid.Empty);
}
