using DagMaster.Domain.Workflows.Drafts;

namespace DagMaster.Domain.Workflows.NodeTypes;

/// <summary>
/// <c>end</c>: where a path of the graph ends. The orchestrator completes it at once; the outputs of its
/// predecessors make the job's result.
/// </summary>
internal sealed class EndNodeType() : NodeTypeDescriptor(NodeType.End, "end", [], [])
{
    internal override void Build(NodeDraft draft, NodeDefinition definition, List<WorkflowError> errors)
    {
        if (draft.Next.Count > 0)
        {
            errors.Add(new WorkflowError("end.next", $"end node '{definition.Id}' cannot have 'next'", draft.LineOf("next"), definition.Id));
        }
    }

    internal override bool Execute<TNode>(INodeEngine<TNode> engine, WorkflowDefinition definition, NodeDefinition spec, TNode node, DateTimeOffset now) =>
        engine.CompleteAtOnce(node, now);
}
