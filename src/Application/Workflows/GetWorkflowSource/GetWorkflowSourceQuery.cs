namespace DagMaster.Application.Workflows.GetWorkflowSource;

/// <summary>The YAML source of a registered version (the latest when <see cref="Version"/> is null); null when unknown.</summary>
public sealed record GetWorkflowSourceQuery(string WorkflowId, int? Version) : IQuery<WorkflowSourceDto?>;
