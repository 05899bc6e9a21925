using FluentValidation;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Violation: a validator not named <c>*CommandValidator</c> or <c>*QueryValidator</c>.</summary>
public sealed class BadThingChecks : AbstractValidator<BadThingCommand>
{
    public BadThingChecks()
    {
        RuleFor(c => c.Name).NotEmpty();
    }
}
