using DagMaster.Domain.Workflows.Drafts;

namespace DagMaster.Domain.Workflows.NodeTypes;

/// <summary>
/// <c>fan_out</c>: one child per element of the list its <c>source</c> template yields, each running the node's
/// <c>task</c> with <c>item</c> and <c>index</c> bound, at most <c>max_parallel</c> at a time.
/// </summary>
internal sealed class FanOutNodeType() : NodeTypeDescriptor(
    NodeType.FanOut,
    "fan_out",
    ["source", "task", "max_parallel", "retry"],
    ["source", "task"],
    new Dictionary<string, IReadOnlyList<string>> { ["task"] = TaskRules.TaskKeys, ["retry"] = TaskRules.RetryKeys })
{
    public override bool HasChildren => true;

    internal override void Build(NodeDraft draft, NodeDefinition definition, List<WorkflowError> errors)
    {
        var id = definition.Id;
        if (string.IsNullOrWhiteSpace(draft.Source))
        {
            errors.Add(new WorkflowError("fan_out.source.required", $"fan_out node '{id}' needs a 'source' (a template that yields a list)", draft.Line, id));
        }

        if (draft.Task is null)
        {
            errors.Add(new WorkflowError("fan_out.task.required", $"fan_out node '{id}' needs a 'task' block", draft.Line, id));
        }
        else
        {
            var task = draft.Task;
            definition.Task = TaskRules.BuildTask(id, task.Handler, task.Queue, task.Params, task.TimeoutSeconds, task.Priority, task, errors);
        }

        if (draft.MaxParallel is < 1)
        {
            errors.Add(new WorkflowError("max_parallel.range", $"'max_parallel' of node '{id}' must be >= 1, not {draft.MaxParallel}", draft.LineOf("max_parallel"), id));
        }

        definition.FanOutSource = draft.Source;
        definition.MaxParallel = draft.MaxParallel;
        definition.Retry = TaskRules.BuildRetry(id, draft.Retry, errors);
    }

    internal override void CheckTemplates(TemplateCheck check, NodeDefinition node, NodeDraft draft)
    {
        check.CheckTemplate(node.FanOutSource, draft.LineOf("source"), "source", TemplateRoots.Standard);
        if (node.Task is not null)
        {
            check.CheckValue(node.Task.Params, draft.Task?.LineOf("params") ?? draft.LineOf("task"), "task.params", TemplateRoots.FanOutChild);
        }
    }

    internal override bool Execute<TNode>(INodeEngine<TNode> engine, WorkflowDefinition definition, NodeDefinition spec, TNode node, DateTimeOffset now) =>
        engine.ExpandFanOut(definition, spec, node, now);

    internal override bool Progress<TNode>(INodeEngine<TNode> engine, NodeDefinition spec, TNode node, DateTimeOffset now) =>
        engine.ProgressFanOut(spec, node, now);
}
