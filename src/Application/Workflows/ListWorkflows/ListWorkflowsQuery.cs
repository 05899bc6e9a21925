namespace DagMaster.Application.Workflows.ListWorkflows;

public sealed record ListWorkflowsQuery : IQuery<IReadOnlyList<WorkflowSummaryDto>>;
