namespace DagMaster.Application.Workflows.LoadWorkflows;

public sealed record LoadedWorkflowDto(string File, string WorkflowId, int Version);
