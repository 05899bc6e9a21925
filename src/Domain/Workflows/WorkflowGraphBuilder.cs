using System.Text.RegularExpressions;
using DagMaster.Domain.Workflows.Drafts;

namespace DagMaster.Domain.Workflows;

/// <summary>
/// Turns a <see cref="WorkflowDraft"/> into a <see cref="WorkflowDefinition"/>, collecting every broken
/// structural rule on the way instead of stopping at the first.
/// </summary>
internal sealed partial class WorkflowGraphBuilder(WorkflowDraft draft)
{
    private readonly List<WorkflowError> _errors = [];
    private readonly Dictionary<string, NodeDraft> _drafts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeDefinition> _nodes = new(StringComparer.Ordinal);

    public IReadOnlyList<WorkflowError> Errors => _errors;

    public WorkflowDefinition? Build()
    {
        CheckHeader();
        var inputs = InputRules.Build(draft.Inputs, _errors);
        CreateNodes();
        WireEdges();
        var order = GraphRules.Check(draft, _nodes, _errors);
        if (order is not null)
        {
            FanInRules.Check(order, _nodes, _errors);
            TemplateRules.Check(draft, inputs, order, _nodes, _errors);
        }

        var outputs = draft.Outputs.ToDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal);
        if (_errors.Count > 0 || order is null)
        {
            return null;
        }

        return new WorkflowDefinition(
            draft.WorkflowId!, draft.Name!, draft.Version ?? 1, draft.Description, draft.TimeoutSeconds, inputs, order, outputs);
    }

    private void Error(string code, string message, int? line, string? nodeId = null) =>
        _errors.Add(new WorkflowError(code, message, line, nodeId));

    private void CheckHeader()
    {
        if (string.IsNullOrWhiteSpace(draft.WorkflowId))
        {
            Error("workflow_id.required", "'workflow_id' is required", draft.Line ?? 1);
        }
        else if (!WorkflowIdRegex().IsMatch(draft.WorkflowId))
        {
            Error("workflow_id.invalid", $"'workflow_id' '{draft.WorkflowId}' must match {WorkflowDefinition.IdPattern}", draft.LineOf("workflow_id"));
        }

        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            Error("name.required", "'name' is required", draft.Line ?? 1);
        }

        if (draft.Version is < 1)
        {
            Error("version.range", $"'version' must be an integer >= 1, not {draft.Version}", draft.LineOf("version"));
        }

        if (draft.TimeoutSeconds is < 1)
        {
            Error("timeout_seconds.range", $"'timeout_seconds' must be >= 1, not {draft.TimeoutSeconds}", draft.LineOf("timeout_seconds"));
        }

        if (draft.Nodes.Count == 0)
        {
            Error("nodes.required", "'nodes' is required and must define at least a start and an end node", draft.LineOf("nodes"));
        }
    }

    private void CreateNodes()
    {
        foreach (var node in draft.Nodes)
        {
            if (string.IsNullOrEmpty(node.Id))
            {
                Error("node.id.required", "a node has no 'id'", node.Line);
                continue;
            }

            if (!NodeIdRegex().IsMatch(node.Id))
            {
                Error("node.id.invalid", $"node id '{node.Id}' must match ^[A-Za-z][A-Za-z0-9_-]{{0,63}}$", node.Line, node.Id);
                continue;
            }

            if (node.Id.Contains("__", StringComparison.Ordinal))
            {
                Error("node.id.reserved", $"node id '{node.Id}' contains '__', which is reserved for fan-out children", node.Line, node.Id);
                continue;
            }

            if (!_drafts.TryAdd(node.Id, node))
            {
                Error("node.id.duplicate", $"node id '{node.Id}' is defined more than once", node.Line, node.Id);
                continue;
            }

            if (NodeRules.ParseType(node, _errors) is not { } descriptor)
            {
                continue;
            }

            var definition = new NodeDefinition(node.Id, descriptor) { Description = node.Description, Line = node.Line };
            NodeRules.Apply(node, definition, _errors);
            _nodes.Add(node.Id, definition);
        }
    }

    private void WireEdges()
    {
        var incoming = _nodes.Keys.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        var successors = _nodes.Keys.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);

        foreach (var (id, node) in _nodes)
        {
            var source = _drafts[id];
            foreach (var target in ForwardTargets(source, node))
            {
                if (CheckReference(source, id, target.Id, target.Key))
                {
                    AddDistinct(incoming[target.Id], id);
                    AddDistinct(successors[id], target.Id);
                }
            }

            foreach (var dependency in source.DependsOnAll.Concat(source.DependsOnAny))
            {
                if (CheckReference(source, id, dependency, "depends_on"))
                {
                    AddDistinct(successors[dependency], id);
                }
            }
        }

        foreach (var (id, node) in _nodes)
        {
            var source = _drafts[id];
            var anyOf = source.DependsOnAny.Where(_nodes.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
            node.AnyOf = anyOf;
            node.AllOf = source.DependsOnAll.Where(_nodes.ContainsKey)
                .Concat(incoming[id])
                .Where(d => !anyOf.Contains(d, StringComparer.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            node.Successors = successors[id];
        }
    }

    private static IEnumerable<(string Id, string Key)> ForwardTargets(NodeDraft source, NodeDefinition node)
    {
        foreach (var next in source.Next)
        {
            yield return (next, "next");
        }

        foreach (var branch in node.Branches)
        {
            yield return (branch.Target, "branches");
        }
    }

    private bool CheckReference(NodeDraft source, string id, string target, string key)
    {
        if (string.Equals(target, id, StringComparison.Ordinal))
        {
            Error("edge.self", $"node '{id}' refers to itself in '{key}'", source.LineOf(key), id);
            return false;
        }

        if (!_nodes.ContainsKey(target))
        {
            if (!_drafts.ContainsKey(target))
            {
                Error("edge.unknown", $"node '{id}' refers to unknown node '{target}' in '{key}'", source.LineOf(key), id);
            }

            return false;
        }

        return true;
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }

    [GeneratedRegex(WorkflowDefinition.IdPattern)]
    private static partial Regex WorkflowIdRegex();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex NodeIdRegex();
}
