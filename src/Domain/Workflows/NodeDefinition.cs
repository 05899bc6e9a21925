using DagMaster.Domain.Workflows.NodeTypes;

namespace DagMaster.Domain.Workflows;

/// <summary>A validated node of a workflow graph, with its edges resolved in both directions.</summary>
public sealed class NodeDefinition
{
    internal NodeDefinition(string id, NodeTypeDescriptor descriptor)
    {
        Id = id;
        Descriptor = descriptor;
    }

    public string Id { get; }

    public NodeType Type => Descriptor.Type;

    /// <summary>What the node's type allows, requires and does; looked up once, when the node is built.</summary>
    public NodeTypeDescriptor Descriptor { get; }

    public string? Description { get; internal set; }

    public int? Line { get; internal set; }

    /// <summary>Nodes this one must wait for, all of them (depends_on, all_of and incoming next/branch edges).</summary>
    public IReadOnlyList<string> AllOf { get; internal set; } = [];

    /// <summary>Nodes of which one completed is enough (depends_on.any_of).</summary>
    public IReadOnlyList<string> AnyOf { get; internal set; } = [];

    /// <summary>Every node that depends on this one, whichever way the edge was written.</summary>
    public IReadOnlyList<string> Successors { get; internal set; } = [];

    /// <summary>The task of a task node, or the template of every child of a fan-out.</summary>
    public TaskSpec? Task { get; internal set; }

    public RetryPolicy Retry { get; internal set; } = RetryPolicy.Default;

    public string? ConditionField { get; internal set; }

    /// <summary>True for the boolean form: <c>condition</c> with <c>branches: {true, false}</c>.</summary>
    public bool IsBooleanConditional { get; internal set; }

    public string? Condition { get; internal set; }

    public IReadOnlyList<ConditionalBranch> Branches { get; internal set; } = [];

    public string? FanOutSource { get; internal set; }

    public int? MaxParallel { get; internal set; }

    /// <summary>For a fan-in: the fan-out whose children it aggregates.</summary>
    public string? AggregatedFanOut { get; internal set; }

    public FanInAggregation Aggregation { get; internal set; } = FanInAggregation.Collect;

    public IEnumerable<string> Dependencies => AllOf.Concat(AnyOf);
}
