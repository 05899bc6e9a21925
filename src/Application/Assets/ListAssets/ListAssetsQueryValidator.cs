using DagMaster.Application.Common.Validation;
using DagMaster.Domain.Assets;

namespace DagMaster.Application.Assets.ListAssets;

public sealed class ListAssetsQueryValidator : AbstractValidator<ListAssetsQuery>
{
    public ListAssetsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 200);
        RuleFor(q => q.PlatformId).MaximumLength(64);
        RuleFor(q => q.Refs).Must(r => r is null || r.Count <= 10).WithMessage("at most 10 ref filters");
        RuleFor(q => q.Refs).Must(RefFilters.AreShort).WithMessage(RefFilters.TooLongMessage);
        RuleFor(q => q.Cursor).MaximumLength(32);
        RuleFor(q => q.ApprovalState).Must(s => s is null || AssetText.TryParseApproval(s, out _))
            .WithMessage("'approval_state' must be one of pending_review, approved, rejected").OverridePropertyName("approval_state");
        RuleFor(q => q.Clearance).Must(c => c is null || AssetText.TryParse(c, out _))
            .WithMessage("'clearance' must be one of uncleared, ouo, public").OverridePropertyName("clearance");
        RuleFor(q => q.Search).MaximumLength(128).OverridePropertyName("search");
    }
}
