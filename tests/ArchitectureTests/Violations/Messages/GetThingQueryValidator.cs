using FluentValidation;

namespace DagMaster.ArchitectureTests.Violations.Messages;

/// <summary>Compliant control.</summary>
public sealed class GetThingQueryValidator : AbstractValidator<GetThingQuery>
{
    public GetThingQueryValidator()
    {
        RuleFor(q => q.Id).NotEmpty();
    }
}
