using Mediator;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Violation: a query not named <c>*Query</c>.</summary>
public sealed record FindThings(string Prefix) : IQuery<IReadOnlyList<string>>;
