using Mediator;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Violation: a query that is not sealed and has a writable public field.</summary>
public class CountThingsQuery : IQuery<int>
{
    public int Page;
}
