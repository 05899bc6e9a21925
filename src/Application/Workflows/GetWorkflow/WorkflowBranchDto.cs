namespace DagMaster.Application.Workflows.GetWorkflow;

public sealed record WorkflowBranchDto(string? Name, string? Condition, string Target, bool IsDefault);
