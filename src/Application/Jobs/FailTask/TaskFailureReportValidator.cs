namespace DagMaster.Application.Jobs.FailTask;

public sealed class TaskFailureReportValidator : AbstractValidator<TaskFailureReport>
{
    public TaskFailureReportValidator()
    {
        RuleFor(c => c.TaskId).NotEmpty().MaximumLength(256);
        RuleFor(c => c.Message).NotEmpty().MaximumLength(8192);
        RuleFor(c => c.ErrorType).MaximumLength(256);
        RuleFor(c => c.DurationMs).GreaterThanOrEqualTo(0);
        RuleFor(c => c.WorkerId).MaximumLength(256);
    }
}
