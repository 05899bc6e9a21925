using System.Globalization;
using DagMaster.Application.Jobs.GetJobGraph;
using DagMaster.Application.Workflows.GetWorkflow;

namespace DagMaster.WebUi.Rendering;

/// <summary>
/// Lays a workflow's DAG out left to right: a node's column is its longest distance from the start, and each column is
/// ordered by the mean row of its predecessors (one barycentre pass), which keeps most edges straight.
/// </summary>
public static class DagLayout
{
    public const double NodeWidth = 176;
    public const double NodeHeight = 46;
    public const double GroupHeight = 66;
    private const double ColumnGap = 64;
    private const double RowGap = 22;
    private const double Padding = 14;

    /// <param name="workflow">the definition: its nodes and edges.</param>
    /// <param name="states">node id → state (a job's graph); null draws the definition alone.</param>
    /// <param name="groups">fan-out node id → its children's counts.</param>
    public static GraphModel Build(
        WorkflowDetailsDto workflow,
        IReadOnlyDictionary<string, NodeStateDto>? states = null,
        IReadOnlyDictionary<string, FanOutGroupDto>? groups = null)
    {
        var order = workflow.Nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var predecessors = workflow.Nodes.ToDictionary(n => n.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var edge in workflow.Edges.Where(e => order.ContainsKey(e.From) && order.ContainsKey(e.To)))
        {
            predecessors[edge.To].Add(edge.From);
        }

        var depth = Depths(workflow, predecessors);
        var columns = workflow.Nodes.GroupBy(n => depth[n.Id]).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var row = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            column.Sort((a, b) =>
            {
                var byPredecessors = Barycentre(a.Id).CompareTo(Barycentre(b.Id));
                return byPredecessors != 0 ? byPredecessors : order[a.Id].CompareTo(order[b.Id]);
            });
            for (var i = 0; i < column.Count; i++)
            {
                row[column[i].Id] = i;
            }
        }

        double HeightOf(WorkflowNodeDto node) => node.Type == "fan_out" ? GroupHeight : NodeHeight;
        double ColumnHeight(List<WorkflowNodeDto> column) => column.Sum(HeightOf) + (RowGap * (column.Count - 1));
        var tallest = columns.Count == 0 ? 0 : columns.Max(ColumnHeight);

        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
        {
            var y = Padding + ((tallest - ColumnHeight(columns[c])) / 2);
            foreach (var node in columns[c])
            {
                var state = states?.GetValueOrDefault(node.Id);
                var status = state?.Status ?? (states is null ? "definition" : "pending");
                nodes[node.Id] = new GraphNode(
                    node.Id, node.Type, status, c, Padding + (c * (NodeWidth + ColumnGap)), y, NodeWidth, HeightOf(node),
                    groups?.GetValueOrDefault(node.Id), state?.Attempt ?? 0);
                y += HeightOf(node) + RowGap;
            }
        }

        var edges = workflow.Edges
            .Where(e => nodes.ContainsKey(e.From) && nodes.ContainsKey(e.To))
            .Select(e => EdgeOf(nodes[e.From], nodes[e.To], e.Branch))
            .ToList();
        var width = (Padding * 2) + (columns.Count * NodeWidth) + (Math.Max(0, columns.Count - 1) * ColumnGap);
        return new GraphModel(workflow.Nodes.Select(n => nodes[n.Id]).ToList(), edges, width, tallest + (Padding * 2) + 8);

        double Barycentre(string id) =>
            predecessors[id].Count == 0 ? order[id] : predecessors[id].Average(p => row.GetValueOrDefault(p, order[p]));
    }

    /// <summary>Longest path from any root, in topological order (definitions are acyclic; a cycle would stop at depth 0).</summary>
    private static Dictionary<string, int> Depths(WorkflowDetailsDto workflow, Dictionary<string, List<string>> predecessors)
    {
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var remaining = predecessors.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);
        var successors = workflow.Edges.Where(e => predecessors.ContainsKey(e.From) && predecessors.ContainsKey(e.To))
            .ToLookup(e => e.From, e => e.To, StringComparer.Ordinal);
        var ready = new Queue<string>(workflow.Nodes.Where(n => remaining[n.Id] == 0).Select(n => n.Id));
        while (ready.Count > 0)
        {
            var id = ready.Dequeue();
            depth[id] = predecessors[id].Count == 0 ? 0 : predecessors[id].Max(p => depth.GetValueOrDefault(p)) + 1;
            foreach (var next in successors[id])
            {
                if (--remaining[next] == 0)
                {
                    ready.Enqueue(next);
                }
            }
        }

        foreach (var node in workflow.Nodes)
        {
            depth.TryAdd(node.Id, 0);
        }

        return depth;
    }

    private static GraphEdge EdgeOf(GraphNode from, GraphNode to, string? label)
    {
        var x1 = from.X + from.Width;
        var y1 = from.Y + (from.Height / 2);
        var x2 = to.X;
        var y2 = to.Y + (to.Height / 2);
        var bend = Math.Max(24, (x2 - x1) / 2);
        var path = string.Create(
            CultureInfo.InvariantCulture,
            $"M{x1:0.#},{y1:0.#} C{x1 + bend:0.#},{y1:0.#} {x2 - bend:0.#},{y2:0.#} {x2 - 4:0.#},{y2:0.#}");
        var dimmed = from.Status == "skipped" || to.Status == "skipped";
        var taken = !dimmed && from.Status == "completed" && to.Status is not ("pending" or "definition" or "skipped");
        return new GraphEdge(from.Id, to.Id, path, dimmed, taken, label, (x1 + x2) / 2, ((y1 + y2) / 2) - 4);
    }
}
