namespace DagMaster.Application.Workflows.GetWorkflowSource;

public sealed record WorkflowSourceDto(string WorkflowId, int Version, string Source, string ContentHash, string? SourceFile, DateTimeOffset RegisteredAt);
