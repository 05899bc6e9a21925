using DagMaster.Domain.Workflows.Drafts;

namespace DagMaster.Domain.Workflows.NodeTypes;

/// <summary>
/// <c>task</c> (the type of a node that names none): one task, its params rendered from templates, dispatched to
/// the workers of its queue and retried under its <c>retry</c> policy.
/// </summary>
internal sealed class TaskNodeType() : NodeTypeDescriptor(
    NodeType.Task,
    "task",
    ["handler", "queue", "params", "timeout_seconds", "retry", "priority"],
    ["handler"],
    new Dictionary<string, IReadOnlyList<string>> { ["retry"] = TaskRules.RetryKeys })
{
    internal override void Build(NodeDraft draft, NodeDefinition definition, List<WorkflowError> errors)
    {
        var id = definition.Id;
        definition.Task = TaskRules.BuildTask(id, draft.Handler, draft.Queue, draft.Params, draft.TimeoutSeconds, draft.Priority, draft, errors);
        definition.Retry = TaskRules.BuildRetry(id, draft.Retry, errors);
    }

    internal override void CheckTemplates(TemplateCheck check, NodeDefinition node, NodeDraft draft)
    {
        if (node.Task is not null)
        {
            check.CheckValue(node.Task.Params, draft.LineOf("params"), "params", TemplateRoots.Standard);
        }
    }

    internal override bool Execute<TNode>(INodeEngine<TNode> engine, WorkflowDefinition definition, NodeDefinition spec, TNode node, DateTimeOffset now) =>
        engine.Dispatch(definition, spec, node, now);
}
