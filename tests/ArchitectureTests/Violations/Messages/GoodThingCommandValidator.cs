using FluentValidation;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Compliant control.</summary>
public sealed class GoodThingCommandValidator : AbstractValidator<GoodThingCommand>
{
    public GoodThingCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty();
    }
}
