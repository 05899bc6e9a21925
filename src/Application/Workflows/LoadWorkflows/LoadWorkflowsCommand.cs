namespace DagMaster.Application.Workflows.LoadWorkflows;

/// <summary>Reads every file of the workflow folder and registers the new versions.</summary>
public sealed record LoadWorkflowsCommand : ICommand<LoadWorkflowsResponse>;
