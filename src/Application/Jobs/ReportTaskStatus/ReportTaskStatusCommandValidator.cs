using System.Text.Json;
using DagMaster.Application.Jobs.CompleteTask;

namespace DagMaster.Application.Jobs.ReportTaskStatus;

public sealed class ReportTaskStatusCommandValidator : AbstractValidator<ReportTaskStatusCommand>
{
    public const int MaxErrorMessageLength = 2000;

    public ReportTaskStatusCommandValidator()
    {
        RuleFor(c => c.TaskId).NotEmpty().MaximumLength(256);
        RuleFor(c => c.Status)
            .Must(s => ReportTaskStatusCommand.Statuses.Contains(s))
            .WithMessage($"'status' must be one of {string.Join(", ", ReportTaskStatusCommand.Statuses)}");
        RuleFor(c => c.Output)
            .Must(o => o is null || o.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage("'output' must be a JSON object");
        RuleFor(c => c.Output)
            .Must(o => o is null || o.Value.GetRawText().Length <= CompleteTaskCommandValidator.MaxOutputBytes)
            .WithMessage($"'output' is larger than {CompleteTaskCommandValidator.MaxOutputBytes:N0} bytes; store big results in blob storage and return a reference");
        RuleFor(c => c.ErrorMessage).MaximumLength(MaxErrorMessageLength);
        RuleFor(c => c.ErrorType).MaximumLength(200);
        RuleFor(c => c.WorkerId).MaximumLength(200);
        RuleFor(c => c.DurationMs).GreaterThanOrEqualTo(0);
    }
}
