namespace DagMaster.Domain.Workflows;

public static class NodeTypeText
{
    /// <summary>The node type as the workflow format spells it (<c>fan_out</c>, <c>task</c>, …).</summary>
    public static string Text(this NodeType type) => type switch
    {
        NodeType.FanOut => "fan_out",
        NodeType.FanIn => "fan_in",
        _ => type.ToString().ToLowerInvariant(),
    };
}
