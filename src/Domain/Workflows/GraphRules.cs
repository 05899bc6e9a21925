using DagMaster.Domain.Workflows.Drafts;

namespace DagMaster.Domain.Workflows;

/// <summary>Whole-graph rules: one start, some end, no cycle, everything reachable both ways.</summary>
internal static class GraphRules
{
    /// <summary>Checks the graph and returns its nodes in topological order, or null when it has a cycle.</summary>
    public static IReadOnlyList<NodeDefinition>? Check(
        WorkflowDraft draft, IReadOnlyDictionary<string, NodeDefinition> nodes, List<WorkflowError> errors)
    {
        var starts = nodes.Values.Where(n => n.Type == NodeType.Start).ToList();
        if (starts.Count == 0 && draft.Nodes.Count > 0)
        {
            errors.Add(new WorkflowError("start.count", "the workflow needs exactly one start node, found none", draft.LineOf("nodes")));
        }

        foreach (var extra in starts.Skip(1))
        {
            errors.Add(new WorkflowError("start.count", $"the workflow needs exactly one start node; '{extra.Id}' is another one after '{starts[0].Id}'", extra.Line, extra.Id));
        }

        var ends = nodes.Values.Where(n => n.Type == NodeType.End).ToList();
        if (ends.Count == 0 && draft.Nodes.Count > 0)
        {
            errors.Add(new WorkflowError("end.count", "the workflow needs at least one end node, found none", draft.LineOf("nodes")));
        }

        var declared = draft.Nodes.Where(n => n.Id is not null && nodes.ContainsKey(n.Id)).Select(n => nodes[n.Id!]).Distinct().ToList();
        if (FindCycle(declared, nodes) is { } cycle)
        {
            var first = nodes[cycle[0]];
            errors.Add(new WorkflowError("graph.cycle", $"the graph has a cycle: {string.Join(" → ", cycle)}", first.Line, first.Id));
            return null;
        }

        if (starts.Count == 1)
        {
            var reached = Walk(starts[0].Id, id => nodes[id].Successors);
            foreach (var node in declared.Where(n => !reached.Contains(n.Id)))
            {
                errors.Add(new WorkflowError("graph.unreachable", $"node '{node.Id}' cannot be reached from start node '{starts[0].Id}'", node.Line, node.Id));
            }
        }

        if (ends.Count > 0)
        {
            var reachesEnd = new HashSet<string>(StringComparer.Ordinal);
            foreach (var end in ends)
            {
                reachesEnd.UnionWith(Walk(end.Id, id => nodes[id].Dependencies));
            }

            foreach (var node in declared.Where(n => !reachesEnd.Contains(n.Id)))
            {
                errors.Add(new WorkflowError("graph.dead_end", $"no end node can be reached from node '{node.Id}'", node.Line, node.Id));
            }
        }

        return TopologicalOrder(declared, nodes);
    }

    private static HashSet<string> Walk(string from, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var stack = new Stack<string>([from]);
        while (stack.TryPop(out var id))
        {
            foreach (var other in next(id))
            {
                if (seen.Add(other))
                {
                    stack.Push(other);
                }
            }
        }

        return seen;
    }

    /// <summary>Depth-first search with colours; returns the first cycle found as a path that ends where it starts.</summary>
    private static List<string>? FindCycle(IReadOnlyList<NodeDefinition> declared, IReadOnlyDictionary<string, NodeDefinition> nodes)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var root in declared)
        {
            if (state.ContainsKey(root.Id))
            {
                continue;
            }

            var stack = new Stack<(string Id, IEnumerator<string> Next)>();
            stack.Push((root.Id, nodes[root.Id].Successors.GetEnumerator()));
            state[root.Id] = 1;
            path.Add(root.Id);
            while (stack.Count > 0)
            {
                var (id, next) = stack.Peek();
                if (!next.MoveNext())
                {
                    stack.Pop();
                    state[id] = 2;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                var successor = next.Current;
                if (!state.TryGetValue(successor, out var colour))
                {
                    state[successor] = 1;
                    path.Add(successor);
                    stack.Push((successor, nodes[successor].Successors.GetEnumerator()));
                }
                else if (colour == 1)
                {
                    var cycle = path.Skip(path.IndexOf(successor)).ToList();
                    cycle.Add(successor);
                    return cycle;
                }
            }
        }

        return null;
    }

    private static List<NodeDefinition> TopologicalOrder(IReadOnlyList<NodeDefinition> declared, IReadOnlyDictionary<string, NodeDefinition> nodes)
    {
        var remaining = declared.ToDictionary(n => n.Id, n => n.Dependencies.Count(), StringComparer.Ordinal);
        var ready = new Queue<NodeDefinition>(declared.Where(n => remaining[n.Id] == 0));
        var order = new List<NodeDefinition>(declared.Count);
        while (ready.TryDequeue(out var node))
        {
            order.Add(node);
            foreach (var successor in node.Successors)
            {
                if (--remaining[successor] == 0)
                {
                    ready.Enqueue(nodes[successor]);
                }
            }
        }

        return order;
    }
}
