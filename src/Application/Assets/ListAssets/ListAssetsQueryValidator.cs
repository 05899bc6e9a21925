namespace DagMaster.Application.Assets.ListAssets;

public sealed class ListAssetsQueryValidator : AbstractValidator<ListAssetsQuery>
{
    public ListAssetsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 200);
        RuleFor(q => q.Refs).Must(r => r is null || r.Count <= 10).WithMessage("at most 10 ref filters");
        RuleFor(q => q.Cursor).MaximumLength(32);
    }
}
