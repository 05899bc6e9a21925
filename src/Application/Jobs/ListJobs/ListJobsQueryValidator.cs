using DagMaster.Application.Common.Validation;

namespace DagMaster.Application.Jobs.ListJobs;

public sealed class ListJobsQueryValidator : AbstractValidator<ListJobsQuery>
{
    private static readonly string[] s_statuses = ["pending", "running", "completed", "failed", "cancelled"];

    public ListJobsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 500);
        RuleFor(q => q.Status).Must(s => s is null || s_statuses.Contains(s))
            .WithMessage($"'status' must be one of {string.Join(", ", s_statuses)}");
        RuleFor(q => q.Cursor).Must(c => c is null || JobCursor.TryDecode(c, out _)).WithMessage("'cursor' is not a cursor this API returned");
        RuleFor(q => q.Refs).Must(r => r is null || r.Count <= 10).WithMessage("at most 10 ref filters");
        RuleFor(q => q.Refs).Must(RefFilters.AreShort).WithMessage(RefFilters.TooLongMessage);
        RuleFor(q => q.WorkflowId).MaximumLength(64);
        RuleFor(q => q.CorrelationId).MaximumLength(256);
        RuleFor(q => q.PlatformId).MaximumLength(64);
    }
}
