using DagMaster.Application.Workflows.GetWorkflow;

namespace DagMaster.Application.Workflows.ValidateWorkflow;

public sealed record WorkflowValidationResult(WorkflowDetailsDto? Workflow, IReadOnlyList<WorkflowErrorDto> Errors, string ContentHash)
{
    public bool IsValid => Workflow is not null;
}
