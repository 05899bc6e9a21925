using System.Text.Json.Nodes;
using DagMaster.Domain.Jobs;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Domain.Jobs;

/// <summary>Only a result carrying the node's current task id is applied; others are recorded and acknowledged.</summary>
public sealed class JobResultTests
{
    [Fact]
    public void CompleteTask_WhenTaskIdIsOfAnEarlierAttempt_ReturnsStaleAndChangesNothing()
    {
        var run = RetriedOnce(out var firstTaskId);
        var snapshot = Snapshot(run);

        var outcome = run.CompleteTask(firstTaskId, """{"late": true}""");

        outcome.ShouldBe(ResultOutcome.Stale);
        Snapshot(run).ShouldBe(snapshot);
        run.Node("work").OutputJson.ShouldBeNull();
        run.Node("work").TaskId.ShouldEndWith(":2");
    }

    [Fact]
    public void CompleteTask_WhenTaskIdIsOfAnEarlierAttempt_RecordsStaleResultIgnored()
    {
        var run = RetriedOnce(out var firstTaskId);

        run.CompleteTask(firstTaskId);

        var stale = run.Job.Events.Last();
        stale.Type.ShouldBe(JobEventTypes.StaleResultIgnored);
        stale.NodeId.ShouldBe("work");
        var data = JsonNode.Parse(stale.DataJson!)!;
        data["task_id"]!.GetValue<string>().ShouldBe(firstTaskId);
        data["result"]!.GetValue<string>().ShouldBe("completed");
    }

    [Fact]
    public void FailTask_WhenTaskIdIsOfAnEarlierAttempt_ReturnsStaleAndSchedulesNoRetry()
    {
        var run = RetriedOnce(out var firstTaskId);
        var snapshot = Snapshot(run);

        var outcome = run.FailTask(firstTaskId, new TaskFailure("late failure", "TestError", Retryable: true));

        outcome.ShouldBe(ResultOutcome.Stale);
        Snapshot(run).ShouldBe(snapshot);
        run.EventsOf(JobEventTypes.RetryScheduled).Count.ShouldBe(1);
        run.Job.Events.Last().Type.ShouldBe(JobEventTypes.StaleResultIgnored);
    }

    [Fact]
    public void CompleteTask_WhenSameTaskCompletesTwice_IgnoresTheSecondAndKeepsTheFirstOutput()
    {
        var run = new JobBuilder().WithLinearChain("a", "b").Start();
        var taskId = run.TaskIdOf("a");
        run.CompleteTask(taskId, """{"n": 1}""");

        var outcome = run.CompleteTask(taskId, """{"n": 2}""");

        outcome.ShouldBe(ResultOutcome.Ignored);
        run.Node("a").OutputJson.ShouldBe("""{"n": 1}""");
        run.DispatchedNodes.ShouldBe(["a", "b"]);
        run.Job.Events.Last().Type.ShouldBe(JobEventTypes.StaleResultIgnored);
    }

    [Fact]
    public void FailTask_WhenTaskAlreadyCompleted_IsIgnored()
    {
        var run = new JobBuilder().WithLinearChain("a", "b").Start();
        var taskId = run.TaskIdOf("a");
        run.CompleteTask(taskId);

        var outcome = run.FailTask(taskId, new TaskFailure("too late", null, Retryable: false));

        outcome.ShouldBe(ResultOutcome.Ignored);
        run.StatusOf("a").ShouldBe(NodeStatus.Completed);
        run.Job.Status.ShouldBe(JobStatus.Running);
    }

    [Fact]
    public void CompleteTask_WhenJobHasFailed_IsIgnoredAndChangesNothing()
    {
        var run = Parallel();
        var sideTaskId = run.TaskIdOf("side");
        run.Fail("work", retryable: false);
        var snapshot = Snapshot(run);

        var outcome = run.CompleteTask(sideTaskId, """{"late": true}""");

        outcome.ShouldBe(ResultOutcome.Ignored);
        Snapshot(run).ShouldBe(snapshot);
        run.StatusOf("side").ShouldBe(NodeStatus.Cancelled);
        run.Node("side").OutputJson.ShouldBeNull();
        run.Job.Events.Last().Type.ShouldBe(JobEventTypes.StaleResultIgnored);
    }

    [Fact]
    public void FailTask_WhenJobHasFailed_IsIgnored()
    {
        var run = Parallel();
        var sideTaskId = run.TaskIdOf("side");
        run.Fail("work", retryable: false);

        run.FailTask(sideTaskId, new TaskFailure("late", null, Retryable: true)).ShouldBe(ResultOutcome.Ignored);

        run.Job.FailedNodeId.ShouldBe("work");
        run.EventsOf(JobEventTypes.RetryScheduled).ShouldBeEmpty();
    }

    [Fact]
    public void CompleteTask_WhenNodeAwaitsItsRetry_IgnoresTheLateResultOfTheFailedAttempt()
    {
        var run = Parallel();
        var taskId = run.TaskIdOf("work");
        run.Fail("work");

        run.CompleteTask(taskId).ShouldBe(ResultOutcome.Ignored);

        run.Node("work").IsRetryScheduled.ShouldBeTrue();
    }

    [Fact]
    public void CompleteTask_WhenTaskIdBelongsToAnotherJob_ReturnsStale()
    {
        var run = new JobBuilder().WithLinearChain("a").Start();
        var otherJobTaskId = TaskIds.Format(JobId.New(), "a", 1);
        var snapshot = Snapshot(run);

        var outcome = run.CompleteTask(otherJobTaskId);

        outcome.ShouldBe(ResultOutcome.Stale);
        Snapshot(run).ShouldBe(snapshot);
        run.Job.Events.Last().Type.ShouldBe(JobEventTypes.StaleResultIgnored);
        run.Job.Events.Last().NodeId.ShouldBeNull();
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    public void CompleteTask_WhenTaskIdIsMalformed_ReturnsStale(string taskId)
    {
        var run = new JobBuilder().WithLinearChain("a").Start();

        run.CompleteTask(taskId).ShouldBe(ResultOutcome.Stale);

        run.StatusOf("a").ShouldBe(NodeStatus.Dispatched);
    }

    [Fact]
    public void CompleteTask_WhenTaskIdNamesAnUnknownNode_ReturnsStale()
    {
        var run = new JobBuilder().WithLinearChain("a").Start();

        run.CompleteTask(TaskIds.Format(run.Job.Id, "nope", 1)).ShouldBe(ResultOutcome.Stale);
    }

    [Fact]
    public void CompleteTask_WhenTaskIdIsOfAFutureAttempt_ReturnsStale()
    {
        var run = new JobBuilder().WithLinearChain("a").Start();

        run.CompleteTask(TaskIds.Format(run.Job.Id, "a", 2)).ShouldBe(ResultOutcome.Stale);

        run.StatusOf("a").ShouldBe(NodeStatus.Dispatched);
    }

    [Fact]
    public void CompleteTask_WhenTaskIdIsForAnOrchestratorNode_ReturnsStale()
    {
        var run = new JobBuilder().WithLinearChain("a").Start();

        run.CompleteTask(TaskIds.Format(run.Job.Id, "end", 1)).ShouldBe(ResultOutcome.Stale);

        run.StatusOf("end").ShouldBe(NodeStatus.Pending);
    }

    // work fails once and is dispatched again as attempt 2.
    private static JobRun RetriedOnce(out string firstTaskId)
    {
        var run = Parallel();
        firstTaskId = run.TaskIdOf("work");
        run.Fail("work");
        run.RetryDueNodesAfter(TimeSpan.FromSeconds(11));
        return run;
    }

    // start → work and side in parallel → end.
    private static JobRun Parallel() => new JobBuilder().WithYaml("""
        workflow_id: parallel
        name: Parallel
        nodes:
          start: {type: start, next: [work, side]}
          work:
            handler: echo
            retry: {max_attempts: 3, backoff: fixed, initial_delay_seconds: 10}
            next: end
          side: {handler: echo, next: end}
          end: {type: end}
        """).Start();

    private static string Snapshot(JobRun run) =>
        $"{run.Job.Status}|{run.Job.Error}|{run.Job.ResultJson}|{run.Dispatched.Count}|"
        + string.Join(";", run.Job.Nodes.Select(n => $"{n.NodeId}:{n.Status}:{n.Attempt}:{n.TaskId}:{n.OutputJson}:{n.Error}:{n.NextAttemptAt:O}"));
}
