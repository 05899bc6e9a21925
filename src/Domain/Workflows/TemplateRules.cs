using DagMaster.Domain.Workflows.Drafts;

namespace DagMaster.Domain.Workflows;

/// <summary>
/// Every template must parse and may only read what will exist when it is rendered: declared inputs,
/// ancestors' outputs and status, the job's own fields, and item/index inside a fan-out's task. Which keys of a
/// node hold templates is its type's to say (<see cref="NodeTypes.NodeTypeDescriptor.CheckTemplates"/>).
/// </summary>
internal static class TemplateRules
{
    public static void Check(
        WorkflowDraft draft,
        IReadOnlyList<InputDefinition> inputs,
        IReadOnlyList<NodeDefinition> order,
        IReadOnlyDictionary<string, NodeDefinition> nodes,
        List<WorkflowError> errors)
    {
        var declaredInputs = inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var ancestors = new AncestorIndex(order);
        var drafts = draft.Nodes.Where(n => n.Id is not null).GroupBy(n => n.Id!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        foreach (var node in order)
        {
            var nodeId = node.Id;
            var check = new TemplateCheck(nodeId, declaredInputs, candidate => ancestors.IsAncestor(candidate, nodeId), nodes, errors);
            node.Descriptor.CheckTemplates(check, node, drafts[nodeId]);
        }

        foreach (var output in draft.Outputs)
        {
            new TemplateCheck(null, declaredInputs, nodes.ContainsKey, nodes, errors)
                .CheckValue(output.Value, output.Line, $"outputs.{output.Name}", TemplateRoots.Standard);
        }
    }
}
