using System.Text.Json;
using DagMaster.Application.Jobs.CompleteTask;

namespace DagMaster.Application.Jobs.ReportTaskStatus;

public sealed class TaskStatusReportValidator : AbstractValidator<TaskStatusReport>
{
    public const int MaxErrorMessageLength = 2000;

    public TaskStatusReportValidator()
    {
        RuleFor(c => c.TaskId).NotEmpty().MaximumLength(256);
        RuleFor(c => c.Status)
            .Must(s => TaskStatusReport.Statuses.Contains(s))
            .WithMessage($"'status' must be one of {string.Join(", ", TaskStatusReport.Statuses)}");
        RuleFor(c => c.Output)
            .Must(o => o is null || o.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage("'output' must be a JSON object");
        RuleFor(c => c.Output)
            .Must(o => o is null || o.Value.GetRawText().Length <= TaskCompletionReportValidator.MaxOutputBytes)
            .WithMessage($"'output' is larger than {TaskCompletionReportValidator.MaxOutputBytes:N0} bytes; store big results in blob storage and return a reference");
        RuleFor(c => c.ErrorMessage).MaximumLength(MaxErrorMessageLength);
        RuleFor(c => c.ErrorType).MaximumLength(200);
        RuleFor(c => c.WorkerId).MaximumLength(200);
        RuleFor(c => c.DurationMs).GreaterThanOrEqualTo(0);
    }
}
