namespace DagMaster.Application.Jobs.GetJobEvents;

public sealed class GetJobEventsQueryValidator : AbstractValidator<GetJobEventsQuery>
{
    public GetJobEventsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 5000);
        RuleFor(q => q.After).GreaterThanOrEqualTo(0);
    }
}
