using Mediator;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Compliant control.</summary>
public sealed class GetThingQueryHandler : IQueryHandler<GetThingQuery, string?>
{
    public ValueTask<string?> Handle(GetThingQuery query, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
