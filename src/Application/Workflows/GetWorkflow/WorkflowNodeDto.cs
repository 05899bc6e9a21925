using DagMaster.Domain.Workflows;

namespace DagMaster.Application.Workflows.GetWorkflow;

public sealed record WorkflowNodeDto(
    string Id,
    string Type,
    string? Description,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> AnyOf,
    IReadOnlyList<string> Next,
    string? Handler,
    string? Queue,
    IReadOnlyDictionary<string, object?>? Params,
    int? TimeoutSeconds,
    WorkflowRetryDto? Retry,
    string? ConditionField,
    string? Condition,
    IReadOnlyList<WorkflowBranchDto>? Branches,
    string? Source,
    int? MaxParallel,
    string? Aggregation,
    string? AggregatesFanOut)
{
    public static WorkflowNodeDto From(NodeDefinition node)
    {
        // Keys the node's type does not take are shown as null, not as their defaults.
        var type = node.Descriptor;
        var hasRetry = type.Allows("retry");
        return new WorkflowNodeDto(
            node.Id,
            type.Name,
            node.Description,
            node.AllOf,
            node.AnyOf,
            node.Successors,
            node.Task?.Handler,
            node.Task?.Queue,
            node.Task?.Params,
            node.Task?.TimeoutSeconds,
            hasRetry ? new WorkflowRetryDto(node.Retry.MaxAttempts, node.Retry.Backoff.ToString().ToLowerInvariant(), node.Retry.InitialDelaySeconds, node.Retry.MaxDelaySeconds) : null,
            node.ConditionField,
            node.Condition,
            type.Allows("branches") ? node.Branches.Select(b => new WorkflowBranchDto(b.Name, b.Condition, b.Target, b.IsDefault)).ToList() : null,
            node.FanOutSource,
            node.MaxParallel,
            type.Allows("aggregation") ? node.Aggregation.ToString().ToLowerInvariant() : null,
            node.AggregatedFanOut);
    }
}
