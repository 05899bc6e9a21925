namespace DagMaster.Application.Jobs.RerunJob;

public sealed class RerunJobCommandValidator : AbstractValidator<RerunJobCommand>
{
    public RerunJobCommandValidator()
    {
        RuleFor(c => c.FromNode).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Actor).NotEmpty().MaximumLength(128);
    }
}
