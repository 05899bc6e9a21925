using DagMaster.Domain.Workflows.NodeTypes;

namespace DagMaster.Infrastructure.Workflows.Yaml;

/// <summary>
/// The keys version 1 of the workflow format knows, per mapping. The keys of a node and of the mappings nested in
/// it are those of the node types (<see cref="NodeTypeRegistry"/>); which of them a node may have is its type's to say.
/// </summary>
internal static class WorkflowSchemaV1
{
    public static readonly string[] TopLevel = ["workflow_id", "name", "version", "description", "timeout_seconds", "inputs", "nodes", "outputs"];

    public static readonly string[] Input = ["type", "required", "default", "description"];

    public static readonly string[] ListInput = ["name", .. Input];

    public static readonly string[] Node = [.. NodeTypeRegistry.NodeKeys];

    public static readonly string[] ListNode = ["id", .. Node];

    public static readonly string[] DependsOn = ["all_of", "any_of"];

    public static readonly string[] Retry = [.. NodeTypeRegistry.NestedKeys("retry")];

    public static readonly string[] FanOutTask = [.. NodeTypeRegistry.NestedKeys("task")];

    public static readonly string[] Branch = [.. NodeTypeRegistry.NestedKeys("branches")];
}
