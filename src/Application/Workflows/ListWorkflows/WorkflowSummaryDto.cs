namespace DagMaster.Application.Workflows.ListWorkflows;

/// <summary>One workflow id with its latest version's details and every registered version.</summary>
public sealed record WorkflowSummaryDto(
    string WorkflowId,
    string Name,
    int LatestVersion,
    string? Description,
    int NodeCount,
    IReadOnlyList<int> Versions);
