using System.Text.Json;

namespace DagMaster.Application.Jobs.CompleteTask;

public sealed class TaskCompletionReportValidator : AbstractValidator<TaskCompletionReport>
{
    /// <summary>Outputs are for small results; bigger data belongs in blob storage, referenced by URL.</summary>
    public const int MaxOutputBytes = 1024 * 1024;

    public TaskCompletionReportValidator()
    {
        RuleFor(c => c.TaskId).NotEmpty().MaximumLength(256);
        RuleFor(c => c.Output)
            .Must(o => o is null || o.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage("'output' must be a JSON object");
        RuleFor(c => c.Output)
            .Must(o => o is null || o.Value.GetRawText().Length <= MaxOutputBytes)
            .WithMessage($"'output' is larger than {MaxOutputBytes:N0} bytes; store big results in blob storage and return a reference");
        RuleFor(c => c.DurationMs).GreaterThanOrEqualTo(0);
        RuleFor(c => c.WorkerId).MaximumLength(256);
    }
}
