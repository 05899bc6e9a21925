using System.Text.Json;
using DagMaster.Domain.Workflows;

namespace DagMaster.Application.Jobs.SubmitJob;

public sealed class JobSubmissionRequestValidator : AbstractValidator<JobSubmissionRequest>
{
    public JobSubmissionRequestValidator()
    {
        RuleFor(c => c.WorkflowId).NotEmpty().MaximumLength(64).Matches(WorkflowDefinition.IdPattern)
            .WithMessage("'workflow_id' must match " + WorkflowDefinition.IdPattern);
        RuleFor(c => c.WorkflowVersion).GreaterThanOrEqualTo(1);
        RuleFor(c => c.Priority).InclusiveBetween(0, 9);
        RuleFor(c => c.CorrelationId).MaximumLength(256);
        RuleFor(c => c.IdempotencyKey).MaximumLength(256);
        RuleFor(c => c.Inputs)
            .Must(i => i is null || i.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage("'inputs' must be a JSON object");
        RuleFor(c => c.ExternalRefs)
            .Must(r => r is null || r.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage("'external_refs' must be a JSON object");
    }
}
