using FluentValidation;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Violation: a validator not named after what it validates (<c>BadThingCommandValidator</c>).</summary>
public sealed class BadThingChecks : AbstractValidator<BadThingCommand>
{
    public BadThingChecks()
    {
        RuleFor(c => c.Name).NotEmpty();
    }
}
