using DagMaster.Domain.Workflows.Drafts;

namespace DagMaster.Domain.Workflows.NodeTypes;

/// <summary><c>start</c>: where every job begins. The orchestrator completes it at once; it depends on nothing.</summary>
internal sealed class StartNodeType() : NodeTypeDescriptor(NodeType.Start, "start", [], [])
{
    internal override void Build(NodeDraft draft, NodeDefinition definition, List<WorkflowError> errors)
    {
        if (draft.DependsOnAll.Count + draft.DependsOnAny.Count > 0)
        {
            errors.Add(new WorkflowError("start.depends_on", $"start node '{definition.Id}' cannot have 'depends_on'", draft.LineOf("depends_on"), definition.Id));
        }
    }

    internal override bool Execute<TNode>(INodeEngine<TNode> engine, WorkflowDefinition definition, NodeDefinition spec, TNode node, DateTimeOffset now) =>
        engine.CompleteAtOnce(node, now);
}
