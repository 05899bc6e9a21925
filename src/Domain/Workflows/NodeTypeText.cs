using DagMaster.Domain.Workflows.NodeTypes;

namespace DagMaster.Domain.Workflows;

public static class NodeTypeText
{
    /// <summary>The node type as the workflow format spells it (<c>fan_out</c>, <c>task</c>, …).</summary>
    public static string Text(this NodeType type) => NodeTypeRegistry.Of(type).Name;
}
