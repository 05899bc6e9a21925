namespace DagMaster.Application.Assets.GetAssetHistory;

public sealed class GetAssetHistoryQueryValidator : AbstractValidator<GetAssetHistoryQuery>
{
    public GetAssetHistoryQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 500);
}
