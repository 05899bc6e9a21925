namespace DagMaster.Application.Workflows.LoadWorkflows;

public sealed record LoadWorkflowsResponse(
    IReadOnlyList<LoadedWorkflowDto> Registered,
    IReadOnlyList<LoadedWorkflowDto> Unchanged,
    IReadOnlyList<RejectedWorkflowFileDto> Rejected);
