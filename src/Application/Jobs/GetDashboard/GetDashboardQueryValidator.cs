namespace DagMaster.Application.Jobs.GetDashboard;

public sealed class GetDashboardQueryValidator : AbstractValidator<GetDashboardQuery>
{
    public GetDashboardQueryValidator()
    {
        RuleFor(q => q.Take).InclusiveBetween(1, 100);
        RuleFor(q => q.Minutes).InclusiveBetween(1, 24 * 60);
    }
}
