using System.Text.Json;
using DagMaster.Application.Jobs.CompleteTask;

namespace DagMaster.Application.Jobs.ReportTaskResults;

/// <summary>The whole call is checked before any result is applied: one bad result refuses them all.</summary>
public sealed class TaskResultsReportValidator : AbstractValidator<TaskResultsReport>
{
    /// <summary>Matches the most results one transaction applies, and a claim's most tasks many times over.</summary>
    public const int MaxResults = 500;

    public TaskResultsReportValidator()
    {
        RuleFor(c => c.Results).NotEmpty().Must(r => r.Count <= MaxResults).WithMessage($"at most {MaxResults} results per call");
        RuleFor(c => c.Results)
            .Must(r => r.Select(x => x.TaskId).Distinct(StringComparer.Ordinal).Count() == r.Count)
            .WithMessage("a task id appears more than once");
        RuleFor(c => c.WorkerId).MaximumLength(256);
        RuleForEach(c => c.Results).ChildRules(result =>
        {
            result.RuleFor(r => r.TaskId).NotEmpty().MaximumLength(256);
            result.RuleFor(r => r)
                .Must(r => r.Error is null || r.Output is null || r.Output.Value.ValueKind == JsonValueKind.Null)
                .WithName("result")
                .WithMessage("a result has 'output' (completed) or 'error' (failed), not both");
            result.RuleFor(r => r.Output)
                .Must(o => o is null || o.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
                .WithMessage("'output' must be a JSON object");
            result.RuleFor(r => r.Output)
                .Must(o => o is null || o.Value.GetRawText().Length <= TaskCompletionReportValidator.MaxOutputBytes)
                .WithMessage($"'output' is larger than {TaskCompletionReportValidator.MaxOutputBytes:N0} bytes; store big results in blob storage and return a reference");
            result.RuleFor(r => r.Error!.Message).NotEmpty().MaximumLength(8192).When(r => r.Error is not null).OverridePropertyName("error.message");
            result.RuleFor(r => r.Error!.Type).MaximumLength(256).When(r => r.Error is not null).OverridePropertyName("error.type");
            result.RuleFor(r => r.DurationMs).GreaterThanOrEqualTo(0);
        });
    }
}
