using DagMaster.Domain.Assets;

namespace DagMaster.Application.Assets.SetClearance;

public sealed class SetClearanceCommandValidator : AbstractValidator<SetClearanceCommand>
{
    public SetClearanceCommandValidator() =>
        RuleFor(c => c.Clearance).Must(c => AssetText.TryParse(c, out _)).WithMessage("'clearance' must be one of uncleared, ouo, public");
}
