namespace DagMaster.Application.Workflows.GetWorkflow;

public sealed record GetWorkflowQuery(string WorkflowId, int? Version) : IQuery<WorkflowDetailsDto?>;
