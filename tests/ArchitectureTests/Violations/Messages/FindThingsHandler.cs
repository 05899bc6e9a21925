using Mediator;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Violation: a query handler that is not public (Mediator needs public) and not named <c>*QueryHandler</c>.</summary>
internal sealed class FindThingsHandler : IQueryHandler<FindThings, IReadOnlyList<string>>
{
    public ValueTask<IReadOnlyList<string>> Handle(FindThings query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<string>>([]);
}
