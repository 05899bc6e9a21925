namespace DagMaster.Application.Workflows.GetWorkflow;

public sealed record WorkflowInputDto(string Name, string Type, bool Required, object? Default, string? Description);
