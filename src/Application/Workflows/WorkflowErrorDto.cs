using DagMaster.Domain.Workflows;

namespace DagMaster.Application.Workflows;

public sealed record WorkflowErrorDto(string Code, string Message, int? Line, string? NodeId)
{
    public static WorkflowErrorDto From(WorkflowError error) => new(error.Code, error.Message, error.Line, error.NodeId);
}
