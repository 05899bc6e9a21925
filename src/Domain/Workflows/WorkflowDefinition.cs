using DagMaster.Domain.Workflows.Drafts;

namespace DagMaster.Domain.Workflows;

/// <summary>
/// A validated workflow version: its inputs, its DAG and its declared outputs. It can only be made by
/// <see cref="Create"/>, which enforces every structural rule and reports all violations at once.
/// </summary>
public sealed class WorkflowDefinition
{
    private readonly Dictionary<string, NodeDefinition> _nodesById;

    internal WorkflowDefinition(
        string workflowId,
        string name,
        int version,
        string? description,
        int? timeoutSeconds,
        IReadOnlyList<InputDefinition> inputs,
        IReadOnlyList<NodeDefinition> nodesInTopologicalOrder,
        IReadOnlyDictionary<string, object?> outputs)
    {
        WorkflowId = workflowId;
        Name = name;
        Version = version;
        Description = description;
        TimeoutSeconds = timeoutSeconds;
        Inputs = inputs;
        Nodes = nodesInTopologicalOrder;
        Outputs = outputs;
        _nodesById = nodesInTopologicalOrder.ToDictionary(n => n.Id, StringComparer.Ordinal);
        StartNodeId = nodesInTopologicalOrder.Single(n => n.Type == NodeType.Start).Id;
    }

    public const string IdPattern = "^[a-z][a-z0-9_.-]{0,63}$";

    public string WorkflowId { get; }

    public string Name { get; }

    public int Version { get; }

    public string? Description { get; }

    /// <summary>Whole-job deadline in seconds, when set.</summary>
    public int? TimeoutSeconds { get; }

    public IReadOnlyList<InputDefinition> Inputs { get; }

    /// <summary>Nodes in a topological order (every node after all of its dependencies).</summary>
    public IReadOnlyList<NodeDefinition> Nodes { get; }

    public IReadOnlyDictionary<string, object?> Outputs { get; }

    public string StartNodeId { get; }

    public NodeDefinition GetNode(string nodeId) => _nodesById[nodeId];

    public bool TryGetNode(string nodeId, out NodeDefinition node) => _nodesById.TryGetValue(nodeId, out node!);

    public static WorkflowDefinition Create(WorkflowDraft draft)
    {
        var builder = new WorkflowGraphBuilder(draft);
        var definition = builder.Build();
        if (builder.Errors.Count > 0 || definition is null)
        {
            throw new InvalidWorkflowException(builder.Errors);
        }

        return definition;
    }
}
