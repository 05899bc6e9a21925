namespace DagMaster.Application.Workflows.LoadWorkflows;

public sealed record RejectedWorkflowFileDto(string File, IReadOnlyList<WorkflowErrorDto> Errors);
