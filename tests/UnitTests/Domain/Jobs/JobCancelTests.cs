using System.Text.Json.Nodes;
using DagMaster.Domain.Jobs;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Domain.Jobs;

public sealed class JobCancelTests
{
    [Fact]
    public void Cancel_WhenRunning_CancelsTheJobWithTheActorAndReason()
    {
        var run = new JobBuilder().WithLinearChain("a", "b").Start();
        run.Clock.Advance(TimeSpan.FromMinutes(1));

        run.Cancel("alice", "wrong input");

        run.Job.Status.ShouldBe(JobStatus.Cancelled);
        run.Job.Error.ShouldBe("cancelled by alice: wrong input");
        run.Job.CompletedAt.ShouldBe(JobBuilder.StartTime.AddMinutes(1));
        run.Job.WithdrawQueuedTasks.ShouldBeTrue();
        run.Job.ResultJson.ShouldBeNull();
    }

    [Fact]
    public void Cancel_WhenNoReasonIsGiven_NamesOnlyTheActor()
    {
        var run = new JobBuilder().WithLinearChain("a").Start();

        run.Cancel("platform:ddh", null);

        run.Job.Error.ShouldBe("cancelled by platform:ddh");
    }

    [Fact]
    public void Cancel_WhenRunning_CancelsEveryUnfinishedNodeAndKeepsFinishedOnes()
    {
        var run = new JobBuilder().WithLinearChain("a", "b", "c").Start().Completed("a");

        run.Cancel();

        run.StatusOf("start").ShouldBe(NodeStatus.Completed);
        run.StatusOf("a").ShouldBe(NodeStatus.Completed);
        run.StatusOf("b").ShouldBe(NodeStatus.Cancelled);
        run.StatusOf("c").ShouldBe(NodeStatus.Cancelled);
        run.StatusOf("end").ShouldBe(NodeStatus.Cancelled);
        run.EventsOf(JobEventTypes.NodeCancelled).Select(e => e.NodeId).ShouldBe(["b", "c", "end"], ignoreOrder: true);
    }

    [Fact]
    public void Cancel_WhenANodeAwaitsItsRetry_CancelsTheNodeAndItsRetry()
    {
        var run = new JobBuilder().WithLinearChain("a", "b").Start();
        run.Fail("a");
        run.Node("a").IsRetryScheduled.ShouldBeTrue();

        run.Cancel();

        run.StatusOf("a").ShouldBe(NodeStatus.Cancelled);
        run.Node("a").NextAttemptAt.ShouldBeNull();
        run.RetryDueNodesAfter(TimeSpan.FromHours(1)).ShouldBe(0);
        run.DispatchedNodes.ShouldBe(["a"]);
    }

    [Fact]
    public void Cancel_WhenRunning_RecordsOperatorActionWithTheActorThenJobCancelled()
    {
        var run = new JobBuilder().WithLinearChain("a").Start();

        run.Cancel("alice", "wrong input");

        var action = run.EventsOf(JobEventTypes.OperatorAction).Single();
        action.Actor.ShouldBe("alice");
        action.NodeId.ShouldBeNull();
        var data = JsonNode.Parse(action.DataJson!)!;
        data["action"]!.GetValue<string>().ShouldBe("cancel");
        data["reason"]!.GetValue<string>().ShouldBe("wrong input");
        run.Job.Events.Last().Type.ShouldBe(JobEventTypes.JobCancelled);
        run.Job.Events.Last().Actor.ShouldBe("alice");
        var types = run.EventTypes.ToList();
        types.IndexOf(JobEventTypes.OperatorAction).ShouldBeLessThan(types.IndexOf(JobEventTypes.NodeCancelled));
    }

    [Fact]
    public void Cancel_WhenPending_CancelsTheJobAndEveryNode()
    {
        var builder = new JobBuilder().WithLinearChain("a");
        var job = builder.Build();

        job.Cancel("alice", null, builder.Clock);

        job.Status.ShouldBe(JobStatus.Cancelled);
        job.Nodes.ShouldAllBe(n => n.Status == NodeStatus.Cancelled);
    }

    [Fact]
    public void Cancel_WhenDispatchesAreNotYetTaken_DropsThem()
    {
        var builder = new JobBuilder().WithLinearChain("a");
        var definition = builder.BuildDefinition();
        var job = builder.Build();
        job.Start(definition, builder.Clock);
        job.PendingDispatches.Count.ShouldBe(1);

        job.Cancel("alice", null, builder.Clock);

        job.PendingDispatches.ShouldBeEmpty();
    }

    [Fact]
    public void CompleteTask_WhenJobWasCancelled_IsIgnored()
    {
        var run = new JobBuilder().WithLinearChain("a", "b").Start();
        var taskId = run.TaskIdOf("a");
        run.Cancel();

        run.CompleteTask(taskId).ShouldBe(ResultOutcome.Ignored);

        run.StatusOf("a").ShouldBe(NodeStatus.Cancelled);
        run.StatusOf("b").ShouldBe(NodeStatus.Cancelled);
        run.DispatchedNodes.ShouldBe(["a"]);
    }
}
