using Mediator;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Violation: a command handler not named <c>*CommandHandler</c>.</summary>
public sealed class BadThingProcessor : ICommandHandler<BadThingCommand, Guid>
{
    public ValueTask<Guid> Handle(BadThingCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(Guid.Empty);
}
