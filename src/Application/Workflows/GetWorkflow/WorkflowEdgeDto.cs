namespace DagMaster.Application.Workflows.GetWorkflow;

/// <summary>A dependency edge; <see cref="Branch"/> names the conditional branch that takes it, if any.</summary>
public sealed record WorkflowEdgeDto(string From, string To, string? Branch);
