using Mediator;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Violation: a raw request handler.</summary>
public sealed class PurgeThingCommandHandler : IRequestHandler<PurgeThingCommand, int>
{
    public ValueTask<int> Handle(PurgeThingCommand request, CancellationToken cancellationToken) => ValueTask.FromResult(0);
}
