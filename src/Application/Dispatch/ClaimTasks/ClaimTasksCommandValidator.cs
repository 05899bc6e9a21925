namespace DagMaster.Application.Dispatch.ClaimTasks;

public sealed class ClaimTasksCommandValidator : AbstractValidator<ClaimTasksCommand>
{
    public ClaimTasksCommandValidator()
    {
        RuleFor(c => c.WorkerId).NotEmpty().MaximumLength(128);
        RuleFor(c => c.Queues).NotEmpty().WithMessage("'queues' must name at least one queue");
        RuleFor(c => c.Queues.Count).LessThanOrEqualTo(50).OverridePropertyName("queues");
        RuleForEach(c => c.Queues).NotEmpty().MaximumLength(128);
        RuleForEach(c => c.Handlers).NotEmpty().MaximumLength(128);
        RuleFor(c => c.MaxTasks).InclusiveBetween(1, 100);
        RuleFor(c => c.WaitSeconds).InclusiveBetween(0, 30);
    }
}
