namespace DagMaster.Domain.Workflows;

/// <summary>
/// A fan-in aggregates exactly one fan-out: on every path into it there must be one open fan-out
/// (a fan-out not yet closed by another fan-in), and the same one on all paths.
/// </summary>
internal static class FanInRules
{
    private const string None = "";
    private const string Nested = "\u0000nested";

    /// <summary>Fan-outs named per node at most: beyond two the rule is broken anyway, and the sets stay small on wide graphs.</summary>
    private const int MaxTracked = 8;

    public static void Check(IReadOnlyList<NodeDefinition> order, IReadOnlyDictionary<string, NodeDefinition> nodes, List<WorkflowError> errors)
    {
        // For each node, the set of fan-outs that can be open when control arrives at it.
        var arriving = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var node in order)
        {
            var open = new HashSet<string>(StringComparer.Ordinal);
            foreach (var dependency in node.Dependencies)
            {
                foreach (var fanOut in Leaving(nodes[dependency], arriving[dependency]))
                {
                    if (open.Count < MaxTracked || fanOut is None or Nested)
                    {
                        open.Add(fanOut);
                    }
                }
            }

            if (open.Count == 0)
            {
                open.Add(None);
            }

            arriving[node.Id] = open;
            if (node.Type == NodeType.FanIn)
            {
                CheckFanIn(node, open, errors);
            }
        }
    }

    private static IEnumerable<string> Leaving(NodeDefinition node, HashSet<string> arriving) => node.Type switch
    {
        NodeType.FanOut => arriving.Select(open => open == None ? node.Id : Nested),
        NodeType.FanIn => [None],
        _ => arriving,
    };

    private static void CheckFanIn(NodeDefinition node, HashSet<string> open, List<WorkflowError> errors)
    {
        void Error(string code, string message) => errors.Add(new WorkflowError(code, message, node.Line, node.Id));

        if (open.Contains(Nested))
        {
            Error("fan_in.nested", $"fan_in node '{node.Id}' is reached through nested fan_outs; a fan_in aggregates exactly one fan_out");
        }
        else if (open.Contains(None))
        {
            Error("fan_in.no_fan_out", $"fan_in node '{node.Id}' has a path into it without an upstream fan_out");
        }
        else if (open.Count > 1)
        {
            Error("fan_in.many_fan_outs", $"fan_in node '{node.Id}' is reached from several fan_outs ({string.Join(", ", open.Order(StringComparer.Ordinal))}); it must aggregate exactly one");
        }
        else
        {
            node.AggregatedFanOut = open.Single();
        }
    }
}
