namespace DagMaster.Application.Workflows.ValidateWorkflow;

/// <summary>Runs the load checks on posted source text without registering anything.</summary>
public sealed record ValidateWorkflowQuery(string Source) : IQuery<WorkflowValidationResult>;
