namespace DagMaster.Application.Assets.ReviewVersion;

public sealed class ReviewVersionCommandValidator : AbstractValidator<ReviewVersionCommand>
{
    public ReviewVersionCommandValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().When(c => !c.Approve).WithMessage("'reason' is required to reject a version");
        RuleFor(c => c.Reason).MaximumLength(2000);
    }
}
