using DagMaster.Application.Workflows.GetWorkflow;

namespace DagMaster.Application.Workflows.ValidateWorkflow;

public sealed class ValidateWorkflowQueryHandler(IWorkflowDefinitionReader reader) : IQueryHandler<ValidateWorkflowQuery, WorkflowValidationResult>
{
    public ValueTask<WorkflowValidationResult> Handle(ValidateWorkflowQuery query, CancellationToken cancellationToken)
    {
        var result = reader.Read(query.Source);
        return ValueTask.FromResult(new WorkflowValidationResult(
            result.Definition is null ? null : WorkflowDetailsDto.From(result.Definition),
            result.Errors.Select(WorkflowErrorDto.From).ToList(),
            result.ContentHash));
    }
}
