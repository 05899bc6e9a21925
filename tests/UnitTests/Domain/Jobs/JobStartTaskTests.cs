using System.Text.Json.Nodes;
using DagMaster.Domain.Jobs;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Domain.Jobs;

/// <summary>A dispatched attempt handed to a waiting worker starts in the unit of work that dispatched it.</summary>
public sealed class JobStartTaskTests
{
    [Fact]
    public void StartTask_WhenTheAttemptIsDispatched_RunsTheNodeLeasedToTheWorkerAndRecordsNodeStarted()
    {
        var run = new JobBuilder().WithLinearChain("a", "b").Start();
        var taskId = run.TaskIdOf("a");
        var now = run.Clock.GetUtcNow();

        var started = run.Job.StartTask(taskId, "worker-1", now.AddSeconds(60), now);

        started.ShouldBeTrue();
        var node = run.Node("a");
        node.Status.ShouldBe(NodeStatus.Running);
        node.WorkerId.ShouldBe("worker-1");
        node.StartedAt.ShouldBe(now);
        node.LeaseExpiresAt.ShouldBe(now.AddSeconds(60));
        var startedEvent = run.EventsOf(JobEventTypes.NodeStarted).ShouldHaveSingleItem();
        startedEvent.NodeId.ShouldBe("a");
        var data = JsonNode.Parse(startedEvent.DataJson!)!;
        data["task_id"]!.GetValue<string>().ShouldBe(taskId);
        data["worker_id"]!.GetValue<string>().ShouldBe("worker-1");
    }

    [Fact]
    public void StartTask_WhenTheNodeMovedOn_ChangesNothing()
    {
        var run = new JobBuilder().WithLinearChain("a", "b").Start();
        var taskId = run.TaskIdOf("a");
        run.Complete("a");
        var events = run.Job.Events.Count;
        var now = run.Clock.GetUtcNow();

        var started = run.Job.StartTask(taskId, "worker-1", now.AddSeconds(60), now);

        started.ShouldBeFalse();
        run.StatusOf("a").ShouldBe(NodeStatus.Completed);
        run.Job.Events.Count.ShouldBe(events);
    }
}
