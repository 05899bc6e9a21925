using DagMaster.Application.Jobs.GetJob;
using DagMaster.Application.Jobs.GetJobGraph;

namespace DagMaster.WebUi.Rendering;

/// <summary>
/// The timeline of a job's node runs: one bar per node that ran (its current attempt, from start to end or to now)
/// and one per fan-out group (its first child's start to its last child's end), in the graph's column order.
/// </summary>
public static class GanttLayout
{
    private const double PlotWidth = 760;

    public static GanttModel Build(JobDetailsDto job, GraphModel graph, IReadOnlyDictionary<string, NodeStateDto> states, DateTimeOffset now)
    {
        var runs = new List<(string NodeId, string Status, DateTimeOffset Start, DateTimeOffset End, string Detail)>();
        foreach (var node in graph.Nodes.OrderBy(n => n.Depth).ThenBy(n => n.Y))
        {
            if (!states.TryGetValue(node.Id, out var state))
            {
                continue;
            }

            var start = node.Group?.FirstStartedAt ?? state.StartedAt ?? state.ReadyAt ?? state.CompletedAt;
            if (start is null)
            {
                continue;
            }

            var running = state.Status is "running" or "dispatched" or "ready";
            var end = (running ? null : node.Group?.LastCompletedAt ?? state.CompletedAt) ?? (running ? now : start.Value);
            var detail = node.Group is { } group
                ? $"{group.Total} children, {group.Count("completed")} completed, {group.Count("failed")} failed"
                : $"attempt {state.Attempt}";
            runs.Add((node.Id, state.Status, start.Value, end < start.Value ? start.Value : end, detail));
        }

        var origin = job.StartedAt ?? job.CreatedAt;
        if (runs.Count > 0 && runs.Min(r => r.Start) < origin)
        {
            origin = runs.Min(r => r.Start);
        }

        var finish = job.CompletedAt ?? now;
        if (runs.Count > 0 && runs.Max(r => r.End) > finish)
        {
            finish = runs.Max(r => r.End);
        }

        var span = Math.Max((finish - origin).TotalMilliseconds, 1);
        double At(DateTimeOffset t) => GanttModel.LabelWidth + (PlotWidth * (t - origin).TotalMilliseconds / span);

        var bars = runs.Select((r, i) => new GanttBar(
            r.NodeId,
            r.NodeId.Length <= 24 ? r.NodeId : string.Concat(r.NodeId.AsSpan(0, 23), "…"),
            r.Status,
            At(r.Start),
            GanttModel.AxisHeight + (i * GanttModel.RowHeight),
            Math.Max(At(r.End) - At(r.Start), 3),
            $"{r.NodeId}: {r.Status}, {Formats.Duration(r.End - r.Start)} from +{Formats.Duration(r.Start - origin)} ({r.Detail})")).ToList();
        var ticks = Enumerable.Range(0, 5)
            .Select(i => new GanttTick(GanttModel.LabelWidth + (PlotWidth * i / 4), "+" + Formats.Duration(TimeSpan.FromMilliseconds(span * i / 4))))
            .ToList();
        return new GanttModel(bars, ticks, GanttModel.LabelWidth + PlotWidth + 40, GanttModel.AxisHeight + (bars.Count * GanttModel.RowHeight) + 6);
    }
}
