using Mediator;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Violation: a handler that is not sealed (it handles a <c>void</c> command through <c>ICommandHandler&lt;T&gt;</c>).</summary>
public class RenameThingCommandHandler : ICommandHandler<RenameThing>
{
    public ValueTask<Unit> Handle(RenameThing command, CancellationToken cancellationToken) => ValueTask.FromResult(Unit.Value);
}
