using System.Text.Json;
using DagMaster.Application.Jobs.GetJob;
using DagMaster.Application.Jobs.GetJobEvents;
using DagMaster.Application.Jobs.GetJobGraph;

namespace DagMaster.WebUi.Rendering;

/// <summary>
/// The timeline of a job's node runs: one row per node that ran, in the graph's column order, with one bar per
/// attempt read from the job's timeline (dispatched, started by a worker → completed / failed / timed out / cancelled);
/// a failed attempt keeps the failed colour after a retry succeeds. A node without timeline entries (or whose entries
/// fell outside the events read) shows its current attempt from its state, and a fan-out group is one row and one bar
/// (its first child's start to its last child's end), so the size of the drawing never grows with the number of
/// children.
/// </summary>
public static class GanttLayout
{
    /// <summary>At most this many attempts are drawn per row (the latest ones).</summary>
    public const int MaxAttemptsPerRow = 20;

    private const double PlotWidth = 760;

    private static readonly Dictionary<string, string> s_endings = new(StringComparer.Ordinal)
    {
        ["node_completed"] = "completed",
        ["node_failed"] = "failed",
        ["node_timed_out"] = "failed",
        ["node_cancelled"] = "cancelled",
    };

    public static GanttModel Build(
        JobDetailsDto job, GraphModel graph, IReadOnlyDictionary<string, NodeStateDto> states, IReadOnlyList<JobEventDto> events, DateTimeOffset now)
    {
        var eventsByNode = events.Where(e => e.NodeId is not null).OrderBy(e => e.Id).ToLookup(e => e.NodeId!, StringComparer.Ordinal);
        var rows = new List<(string NodeId, IReadOnlyList<Run> Runs)>();
        foreach (var node in graph.Nodes.OrderBy(n => n.Depth).ThenBy(n => n.Y))
        {
            if (!states.TryGetValue(node.Id, out var state))
            {
                continue;
            }

            var runs = node.Group is null ? Attempts(eventsByNode[node.Id], state, now) : [];
            if (runs.Count == 0 && CurrentRun(node, state, now) is { } current)
            {
                runs = [current];
            }

            if (runs.Count > 0)
            {
                rows.Add((node.Id, runs.Count > MaxAttemptsPerRow ? runs.Skip(runs.Count - MaxAttemptsPerRow).ToList() : runs));
            }
        }

        var all = rows.SelectMany(r => r.Runs).ToList();
        var origin = job.StartedAt ?? job.CreatedAt;
        if (all.Count > 0 && all.Min(r => r.Start) < origin)
        {
            origin = all.Min(r => r.Start);
        }

        var finish = job.CompletedAt ?? now;
        if (all.Count > 0 && all.Max(r => r.End) > finish)
        {
            finish = all.Max(r => r.End);
        }

        var span = Math.Max((finish - origin).TotalMilliseconds, 1);
        double At(DateTimeOffset t) => GanttModel.LabelWidth + (PlotWidth * (t - origin).TotalMilliseconds / span);

        var bars = new List<GanttBar>();
        for (var row = 0; row < rows.Count; row++)
        {
            var (nodeId, runs) = rows[row];
            var label = nodeId.Length <= 24 ? nodeId : string.Concat(nodeId.AsSpan(0, 23), "…");
            for (var i = 0; i < runs.Count; i++)
            {
                var r = runs[i];
                bars.Add(new GanttBar(
                    nodeId,
                    label,
                    r.Status,
                    At(r.Start),
                    GanttModel.AxisHeight + (row * GanttModel.RowHeight),
                    Math.Max(At(r.End) - At(r.Start), 3),
                    $"{nodeId}: {r.Status}, {Formats.Duration(r.End - r.Start)} from +{Formats.Duration(r.Start - origin)} ({r.Detail})",
                    r.Attempt,
                    i == 0));
            }
        }

        var ticks = Enumerable.Range(0, 5)
            .Select(i => new GanttTick(GanttModel.LabelWidth + (PlotWidth * i / 4), "+" + Formats.Duration(TimeSpan.FromMilliseconds(span * i / 4))))
            .ToList();
        return new GanttModel(bars, ticks, GanttModel.LabelWidth + PlotWidth + 40, GanttModel.AxisHeight + (rows.Count * GanttModel.RowHeight) + 6);
    }

    /// <summary>Every attempt of a task node from its timeline entries; the last open one ends with the node's state.</summary>
    private static List<Run> Attempts(IEnumerable<JobEventDto> events, NodeStateDto state, DateTimeOffset now)
    {
        var runs = new List<Run>();
        (DateTimeOffset Start, int Attempt)? open = null;
        foreach (var e in events)
        {
            if (e.Type == "node_dispatched")
            {
                if (open is { } unfinished)
                {
                    // Dispatched again without an ending entry (a lease expired and the task went back to the queue).
                    runs.Add(new Run(unfinished.Start, e.OccurredAt, "failed", unfinished.Attempt, $"attempt {unfinished.Attempt}, no result"));
                }

                open = (e.OccurredAt, AttemptOf(e) ?? runs.Count + 1);
            }
            else if (e.Type == "node_started" && open is { } handedOut)
            {
                open = (Later(handedOut.Start, e.OccurredAt), handedOut.Attempt); // a worker took it: the run starts here
            }
            else if (open is { } started && s_endings.TryGetValue(e.Type, out var status))
            {
                var error = e.Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("error", out var text) && text.ValueKind == JsonValueKind.String
                    ? $": {text.GetString()}"
                    : "";
                runs.Add(new Run(started.Start, Later(started.Start, e.OccurredAt), status, started.Attempt, $"attempt {started.Attempt}{error}"));
                open = null;
            }
        }

        if (open is { } last)
        {
            var running = IsRunning(state.Status);
            var end = running ? now : state.CompletedAt ?? now;
            runs.Add(new Run(last.Start, Later(last.Start, end), state.Status, last.Attempt, $"attempt {last.Attempt}"));
        }

        return runs;
    }

    /// <summary>The single bar of a node without attempts in the timeline: its current attempt, or a fan-out group.</summary>
    private static Run? CurrentRun(GraphNode node, NodeStateDto state, DateTimeOffset now)
    {
        var start = node.Group?.FirstStartedAt ?? state.StartedAt ?? state.ReadyAt ?? state.CompletedAt;
        if (start is null)
        {
            return null;
        }

        var running = IsRunning(state.Status);
        var end = (running ? null : node.Group?.LastCompletedAt ?? state.CompletedAt) ?? (running ? now : start.Value);
        var detail = node.Group is { } group
            ? $"{group.Total} children, {group.Count("completed")} completed, {group.Count("failed")} failed"
            : $"attempt {state.Attempt}";
        return new Run(start.Value, Later(start.Value, end), state.Status, node.Group is null ? state.Attempt : null, detail);
    }

    private static bool IsRunning(string status) => status is "running" or "dispatched" or "ready";

    private static DateTimeOffset Later(DateTimeOffset start, DateTimeOffset end) => end < start ? start : end;

    private static int? AttemptOf(JobEventDto e) =>
        e.Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("attempt", out var attempt) && attempt.TryGetInt32(out var n) ? n : null;

    private sealed record Run(DateTimeOffset Start, DateTimeOffset End, string Status, int? Attempt, string Detail);
}
