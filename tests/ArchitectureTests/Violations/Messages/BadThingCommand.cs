using Mediator;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Violation: a command that is not sealed and has a public setter.</summary>
public class BadThingCommand : ICommand<Guid>
{
    public string Name { get; set; } = "";
}
