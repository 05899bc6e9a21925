using DagMaster.Domain.Workflows.Drafts;
using DagMaster.Domain.Workflows.NodeTypes;

namespace DagMaster.Domain.Workflows;

/// <summary>
/// The rules a single node must satisfy on its own, whatever the rest of the graph: a known type, only keys that
/// apply to it, and then its type's own rules (<see cref="NodeTypeDescriptor.Build"/>).
/// </summary>
internal static class NodeRules
{
    public static NodeTypeDescriptor? ParseType(NodeDraft node, List<WorkflowError> errors)
    {
        if (node.Type is null)
        {
            return NodeTypeRegistry.Default;
        }

        if (!NodeTypeRegistry.TryGet(node.Type, out var descriptor))
        {
            errors.Add(new WorkflowError(
                "node.type.invalid",
                $"node '{node.Id}' has unknown type '{node.Type}' (expected {NodeTypeRegistry.NameList})",
                node.LineOf("type"),
                node.Id));
        }

        return descriptor;
    }

    public static void Apply(NodeDraft node, NodeDefinition definition, List<WorkflowError> errors)
    {
        var descriptor = definition.Descriptor;
        foreach (var key in node.KeyLines.Keys)
        {
            // Keys no node type knows are unknown keys, which the reader reports; they are not also "not applicable".
            if (NodeTypeRegistry.NodeKeys.Contains(key) && !descriptor.Allows(key))
            {
                errors.Add(new WorkflowError(
                    "node.key.not_applicable", $"'{key}' does not apply to {descriptor.Name} node '{definition.Id}'", node.LineOf(key), definition.Id));
            }
        }

        descriptor.Build(node, definition, errors);
    }
}
