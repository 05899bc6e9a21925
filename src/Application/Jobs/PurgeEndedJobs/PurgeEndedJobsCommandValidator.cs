namespace DagMaster.Application.Jobs.PurgeEndedJobs;

public sealed class PurgeEndedJobsCommandValidator : AbstractValidator<PurgeEndedJobsCommand>
{
    public PurgeEndedJobsCommandValidator()
    {
        RuleFor(c => c.RetentionDays).GreaterThanOrEqualTo(1);
        RuleFor(c => c.BatchSize).InclusiveBetween(1, 10_000);
        RuleFor(c => c.MaxBatches).InclusiveBetween(1, 10_000);
    }
}
