using System.Text.Json;
using DagMaster.Application.Jobs.GetJob;
using DagMaster.Application.Jobs.GetJobEvents;
using DagMaster.Application.Jobs.GetJobGraph;
using DagMaster.WebUi.Rendering;

namespace DagMaster.UiTests.Rendering;

/// <summary>The timeline's layout alone (no host, no browser): rows, one bar per attempt, colours, bounds.</summary>
public sealed class GanttLayoutTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_WhenNodeFailedThenSucceededOnRetry_DrawsOneRowWithAFailedAndACompletedBar()
    {
        var graph = Graph(Node("fetch", 1), Node("store", 2));
        var states = States(State("fetch", "completed", 2, T0.AddSeconds(5), T0.AddSeconds(7)), State("store", "completed", 1, T0.AddSeconds(8), T0.AddSeconds(9)));
        List<JobEventDto> events =
        [
            Event(1, "node_dispatched", "fetch", 0, new { attempt = 1 }),
            Event(2, "node_failed", "fetch", 2, new { attempt = 1, error = "timeout", retryable = true }),
            Event(3, "retry_scheduled", "fetch", 2, new { attempt = 2 }),
            Event(4, "node_dispatched", "fetch", 4, new { attempt = 2 }),
            Event(40, "node_started", "fetch", 5, new { task_id = "t" }),
            Event(41, "node_completed", "fetch", 7, new { attempt = 2 }),
            Event(6, "node_dispatched", "store", 8, new { attempt = 1 }),
            Event(7, "node_completed", "store", 9, new { attempt = 1 }),
        ];

        var gantt = GanttLayout.Build(Job(T0.AddSeconds(10)), graph, states, events, T0.AddSeconds(10));

        var fetch = gantt.Bars.Where(b => b.NodeId == "fetch").ToList();
        fetch.Select(b => (b.Status, b.Attempt)).ShouldBe([("failed", (int?)1), ("completed", 2)]);
        fetch.Select(b => b.Y).Distinct().Count().ShouldBe(1);
        fetch.Select(b => b.FirstInRow).ShouldBe([true, false]);
        fetch[0].X.ShouldBeLessThan(fetch[1].X);
        (fetch[0].X + fetch[0].Width).ShouldBeLessThanOrEqualTo(fetch[1].X);
        fetch[0].Tooltip.ShouldContain("timeout");
        fetch[1].Tooltip.ShouldContain("2 s from +5 s"); // from the worker's start, not the dispatch
        gantt.Bars.Single(b => b.NodeId == "store").Y.ShouldBeGreaterThan(fetch[0].Y);
        gantt.Height.ShouldBe(GanttModel.AxisHeight + (2 * GanttModel.RowHeight) + 6);
    }

    [Fact]
    public void Build_WhenLastAttemptStillRuns_EndsItsBarNowInTheNodeStatus()
    {
        var graph = Graph(Node("work", 1));
        var states = States(State("work", "running", 2, T0.AddSeconds(4), null));
        List<JobEventDto> events =
        [
            Event(1, "node_dispatched", "work", 0, new { attempt = 1 }),
            Event(2, "node_timed_out", "work", 3, new { attempt = 1, error = "lease expired" }),
            Event(3, "node_dispatched", "work", 4, new { attempt = 2 }),
        ];

        var gantt = GanttLayout.Build(Job(null), graph, states, events, T0.AddSeconds(10));

        gantt.Bars.Select(b => b.Status).ShouldBe(["failed", "running"]);
        var running = gantt.Bars[1];
        (running.X + running.Width).ShouldBe(GanttModel.LabelWidth + 760, 0.01); // reaches the right end: now
    }

    [Fact]
    public void Build_WhenNodeHasNoTimelineEntries_DrawsItsCurrentAttemptFromItsState()
    {
        var graph = Graph(Node("start", 0), Node("work", 1));
        var states = States(State("start", "completed", 0, T0, T0), State("work", "completed", 3, T0.AddSeconds(1), T0.AddSeconds(2)));

        var gantt = GanttLayout.Build(Job(T0.AddSeconds(2)), graph, states, [], T0.AddSeconds(2));

        gantt.Bars.Select(b => (b.NodeId, b.Attempt)).ShouldBe([("start", (int?)0), ("work", 3)]);
    }

    [Fact]
    public void Build_WhenFanOutChildrenRanMany_DrawsTheGroupAsOneRowWithOneBar()
    {
        var group = new FanOutGroupDto("split", new Dictionary<string, int> { ["completed"] = 9_000, ["failed"] = 1_000 }, T0.AddSeconds(1), T0.AddSeconds(30));
        var graph = Graph(Node("split", 1) with { Type = "fan_out", Group = group });
        var states = States(State("split", "failed", 1, T0.AddSeconds(1), T0.AddSeconds(30)));
        var events = Enumerable.Range(1, 500).Select(i => Event(i, i % 2 == 0 ? "node_completed" : "node_started", "split", i % 30, new { children = 10_000 })).ToList();

        var gantt = GanttLayout.Build(Job(T0.AddSeconds(30)), graph, states, events, T0.AddSeconds(30));

        gantt.Bars.Count.ShouldBe(1);
        gantt.Bars[0].Tooltip.ShouldContain("10000 children");
    }

    [Fact]
    public void Build_WhenNodeRetriedMoreThanTheBound_DrawsOnlyTheLatestAttempts()
    {
        var graph = Graph(Node("flaky", 1));
        var states = States(State("flaky", "completed", 30, T0, T0.AddSeconds(60)));
        var events = Enumerable.Range(1, 30).SelectMany(a => new[]
        {
            Event((a * 2) - 1, "node_dispatched", "flaky", a * 2, new { attempt = a }),
            Event(a * 2, a == 30 ? "node_completed" : "node_failed", "flaky", (a * 2) + 1, new { attempt = a }),
        }).ToList();

        var gantt = GanttLayout.Build(Job(T0.AddSeconds(62)), graph, states, events, T0.AddSeconds(62));

        gantt.Bars.Count.ShouldBe(GanttLayout.MaxAttemptsPerRow);
        gantt.Bars[^1].Attempt.ShouldBe(30);
        gantt.Bars[^1].Status.ShouldBe("completed");
        gantt.Bars.Count(b => b.FirstInRow).ShouldBe(1);
    }

    private static GraphNode Node(string id, int depth) => new(id, "task", "completed", depth, depth * 200, depth * 10, 176, 46, null, 1);

    private static GraphModel Graph(params GraphNode[] nodes) => new(nodes, [], 800, 200);

    private static NodeStateDto State(string id, string status, int attempt, DateTimeOffset? started, DateTimeOffset? completed) =>
        new(id, status, attempt, null, null, null, null, started, started, completed, null);

    private static Dictionary<string, NodeStateDto> States(params NodeStateDto[] states) => states.ToDictionary(s => s.NodeId, StringComparer.Ordinal);

    private static JobEventDto Event(long id, string type, string nodeId, double seconds, object data) =>
        new(id, type, nodeId, JsonSerializer.SerializeToElement(data), null, T0.AddSeconds(seconds));

    private static JobDetailsDto Job(DateTimeOffset? completedAt) => new(
        Guid.NewGuid(), "wf", 1, completedAt is null ? "running" : "completed", 0, null, null, null, null, null, null, null, null,
        T0, T0, completedAt, null, new JobProgressDto(1, 1, 0, 0, 100));
}
