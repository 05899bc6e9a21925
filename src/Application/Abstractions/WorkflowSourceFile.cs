namespace DagMaster.Application.Abstractions;

public sealed record WorkflowSourceFile(string FileName, string Content);
