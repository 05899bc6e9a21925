using Mediator;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Violation: a command not named <c>*Command</c>.</summary>
public sealed record RenameThing(Guid Id, string Name) : ICommand;
