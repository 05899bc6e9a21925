namespace DagMaster.Application.Jobs.GetJobNodes;

public sealed class GetJobNodesQueryValidator : AbstractValidator<GetJobNodesQuery>
{
    public GetJobNodesQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 1000);
        RuleFor(q => q.Cursor).MaximumLength(200);
    }
}
