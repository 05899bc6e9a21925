using Mediator;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Compliant control: a sealed positional record (its init-only properties are not mutable state).</summary>
public sealed record GoodThingCommand(string Name) : ICommand<Guid>;
