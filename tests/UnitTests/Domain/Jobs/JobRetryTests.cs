using System.Text.Json.Nodes;
using DagMaster.Domain.Jobs;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Domain.Jobs;

public sealed class JobRetryTests
{
    [Fact]
    public void FailTask_WhenRetryableWithAttemptsLeft_MarksNodeFailedWithARetryScheduled()
    {
        var run = Retrying("{max_attempts: 3, backoff: fixed, initial_delay_seconds: 10}");

        var outcome = run.Fail("work", "disk full");

        outcome.ShouldBe(ResultOutcome.Applied);
        var work = run.Node("work");
        work.Status.ShouldBe(NodeStatus.Failed);
        work.Error.ShouldBe("disk full");
        work.IsRetryScheduled.ShouldBeTrue();
        run.Job.Status.ShouldBe(JobStatus.Running);
        run.Job.WithdrawQueuedTasks.ShouldBeFalse();
    }

    [Fact]
    public void FailTask_WhenRetryIsScheduled_RecordsFailureThenRetryScheduled()
    {
        var run = Retrying("{max_attempts: 3, backoff: fixed, initial_delay_seconds: 10}");

        run.Fail("work", "disk full");

        run.Job.Events.TakeLast(2).Select(e => (e.Type, e.NodeId)).ShouldBe(
        [
            (JobEventTypes.NodeFailed, "work"),
            (JobEventTypes.RetryScheduled, "work"),
        ]);
        var scheduled = JsonNode.Parse(run.EventsOf(JobEventTypes.RetryScheduled).Single().DataJson!)!;
        scheduled["attempt"]!.GetValue<int>().ShouldBe(2);
    }

    [Theory]
    [InlineData("fixed", 10, 300, 1, 10)]
    [InlineData("fixed", 10, 300, 3, 10)]
    [InlineData("linear", 10, 300, 1, 10)]
    [InlineData("linear", 10, 300, 2, 20)]
    [InlineData("linear", 10, 300, 3, 30)]
    [InlineData("exponential", 10, 300, 1, 10)]
    [InlineData("exponential", 10, 300, 2, 20)]
    [InlineData("exponential", 10, 300, 3, 40)]
    [InlineData("exponential", 10, 300, 4, 80)]
    [InlineData("exponential", 10, 25, 3, 25)]
    public void FailTask_WhenRetryIsScheduled_WaitsTheBackoffPlusAtMostTenPercentJitter(
        string backoff, int initialSeconds, int maxSeconds, int failures, double expectedSeconds)
    {
        var run = Retrying($"{{max_attempts: 5, backoff: {backoff}, initial_delay_seconds: {initialSeconds}, max_delay_seconds: {maxSeconds}}}");

        for (var failure = 1; failure < failures; failure++)
        {
            run.Fail("work");
            run.RetryDueNodesAfter(run.Node("work").NextAttemptAt!.Value - run.Clock.GetUtcNow());
        }

        var failedAt = run.Clock.GetUtcNow();
        run.Fail("work");

        run.Node("work").Attempt.ShouldBe(failures);
        var delay = (run.Node("work").NextAttemptAt!.Value - failedAt).TotalSeconds;
        delay.ShouldBeInRange(expectedSeconds, expectedSeconds * 1.1);
    }

    [Fact]
    public void FailTask_WhenNodeHasNoRetryBlock_UsesTheDefaultExponentialFiveSeconds()
    {
        var run = new JobBuilder().WithLinearChain("a").Start();

        run.Fail("a");

        (run.Node("a").NextAttemptAt!.Value - JobBuilder.StartTime).TotalSeconds.ShouldBeInRange(5, 5.5);
    }

    [Fact]
    public void RetryDueNodes_WhenRetryIsNotYetDue_DoesNothing()
    {
        var run = Retrying("{max_attempts: 3, backoff: fixed, initial_delay_seconds: 10}");
        run.Fail("work");
        var events = run.Job.Events.Count;

        var retried = run.RetryDueNodesAfter(TimeSpan.FromSeconds(9.9));

        retried.ShouldBe(0);
        run.StatusOf("work").ShouldBe(NodeStatus.Failed);
        run.Node("work").Attempt.ShouldBe(1);
        run.DispatchedNodes.Count(n => n == "work").ShouldBe(1);
        run.Job.Events.Count.ShouldBe(events);
    }

    [Fact]
    public void RetryDueNodes_WhenRetryIsDue_DispatchesTheNextAttempt()
    {
        var run = Retrying("{max_attempts: 3, backoff: fixed, initial_delay_seconds: 10}");
        run.Fail("work");

        var retried = run.RetryDueNodesAfter(TimeSpan.FromSeconds(11));

        retried.ShouldBe(1);
        var dispatch = run.DispatchOf("work");
        dispatch.TaskId.ShouldBe($"{run.Job.Id.Value}:work:2");
        dispatch.TaskId.ShouldEndWith(":2");
        dispatch.Attempt.ShouldBe(2);
        dispatch.AvailableAt.ShouldBe(run.Clock.GetUtcNow());
        run.StatusOf("work").ShouldBe(NodeStatus.Dispatched);
        run.Node("work").TaskId.ShouldBe(dispatch.TaskId);
        run.Node("work").NextAttemptAt.ShouldBeNull();
        run.Node("work").Error.ShouldBeNull();
    }

    [Fact]
    public void RetryDueNodes_WhenExactlyAtTheScheduledTime_DispatchesTheRetry()
    {
        var run = Retrying("{max_attempts: 3, backoff: fixed, initial_delay_seconds: 10}");
        run.Fail("work");

        run.RetryDueNodesAfter(run.Node("work").NextAttemptAt!.Value - run.Clock.GetUtcNow()).ShouldBe(1);
    }

    [Fact]
    public void RetryDueNodes_WhenRetryIsDue_RecordsReadyThenDispatched()
    {
        var run = Retrying("{max_attempts: 3, backoff: fixed, initial_delay_seconds: 10}");
        run.Fail("work");

        run.RetryDueNodesAfter(TimeSpan.FromSeconds(11));

        run.Job.Events.TakeLast(2).Select(e => (e.Type, e.NodeId)).ShouldBe(
        [
            (JobEventTypes.NodeReady, "work"),
            (JobEventTypes.NodeDispatched, "work"),
        ]);
    }

    [Fact]
    public void CompleteTask_WhenRetriedAttemptSucceeds_ContinuesTheJob()
    {
        var run = Retrying("{max_attempts: 3, backoff: fixed, initial_delay_seconds: 10}");
        run.Fail("work");
        run.RetryDueNodesAfter(TimeSpan.FromSeconds(11));

        run.Complete("work").ShouldBe(ResultOutcome.Applied);
        run.Complete("side");

        run.StatusOf("after").ShouldBe(NodeStatus.Dispatched);
        run.Node("work").Attempt.ShouldBe(2);
    }

    [Fact]
    public void FailTask_WhenMaxAttemptsIsTwo_AllowsExactlyOneRetry()
    {
        var run = Retrying("{max_attempts: 2, backoff: fixed, initial_delay_seconds: 1}");

        run.Fail("work");
        run.RetryDueNodesAfter(TimeSpan.FromSeconds(2));
        run.Fail("work", "still broken");

        run.DispatchedNodes.Count(n => n == "work").ShouldBe(2);
        run.StatusOf("work").ShouldBe(NodeStatus.Failed);
        run.Node("work").IsRetryScheduled.ShouldBeFalse();
        run.Job.Status.ShouldBe(JobStatus.Failed);
        run.EventsOf(JobEventTypes.RetryScheduled).Count.ShouldBe(1);
    }

    [Fact]
    public void FailTask_WhenMaxAttemptsIsOne_FailsTheJobOnTheFirstFailure()
    {
        var run = Retrying("{max_attempts: 1, backoff: fixed}");

        run.Fail("work");

        run.Job.Status.ShouldBe(JobStatus.Failed);
        run.EventsOf(JobEventTypes.RetryScheduled).ShouldBeEmpty();
    }

    [Fact]
    public void FailTask_WhenRetriesAreExhausted_FailsTheJobNamingTheNodeAndAttempts()
    {
        var run = Retrying("{max_attempts: 2, backoff: fixed, initial_delay_seconds: 1}");
        run.Fail("work");
        run.RetryDueNodesAfter(TimeSpan.FromSeconds(2));

        run.Fail("work", "still broken");

        run.Job.FailedNodeId.ShouldBe("work");
        run.Job.Error.ShouldBe("node 'work' failed: still broken (after 2 attempt(s))");
        run.Job.CompletedAt.ShouldBe(run.Clock.GetUtcNow());
        run.Job.WithdrawQueuedTasks.ShouldBeTrue();
        run.Job.ResultJson.ShouldBeNull();
    }

    [Fact]
    public void FailTask_WhenNodeFailsForGood_CancelsEveryUnfinishedNode()
    {
        var run = Retrying("{max_attempts: 1}");
        run.StatusOf("side").ShouldBe(NodeStatus.Dispatched);

        run.Fail("work");

        run.StatusOf("start").ShouldBe(NodeStatus.Completed);
        run.StatusOf("work").ShouldBe(NodeStatus.Failed);
        run.StatusOf("side").ShouldBe(NodeStatus.Cancelled);
        run.StatusOf("after").ShouldBe(NodeStatus.Cancelled);
        run.StatusOf("end").ShouldBe(NodeStatus.Cancelled);
        run.EventsOf(JobEventTypes.NodeCancelled).Select(e => e.NodeId).ShouldBe(["side", "after", "end"], ignoreOrder: true);
        run.EventTypes[^1].ShouldBe(JobEventTypes.JobFailed);
    }

    [Fact]
    public void FailTask_WhenNotRetryable_FailsTheJobAtOnceDespiteAttemptsLeft()
    {
        var run = Retrying("{max_attempts: 5, backoff: fixed, initial_delay_seconds: 1}");

        run.Fail("work", "corrupt file", retryable: false);

        run.Node("work").Attempt.ShouldBe(1);
        run.Node("work").NextAttemptAt.ShouldBeNull();
        run.Job.Status.ShouldBe(JobStatus.Failed);
        run.Job.Error.ShouldBe("node 'work' failed: corrupt file");
        run.EventsOf(JobEventTypes.RetryScheduled).ShouldBeEmpty();
        JsonNode.Parse(run.EventsOf(JobEventTypes.NodeFailed).Single().DataJson!)!["retryable"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public void RetryDueNodes_WhenJobHasFailed_RetriesNothing()
    {
        var run = Retrying("{max_attempts: 3, backoff: fixed, initial_delay_seconds: 10}");
        run.Fail("work");
        run.Fail("side", "fatal", retryable: false);

        run.RetryDueNodesAfter(TimeSpan.FromMinutes(5)).ShouldBe(0);

        run.StatusOf("work").ShouldBe(NodeStatus.Cancelled);
        run.DispatchedNodes.Count(n => n == "work").ShouldBe(1);
    }

    [Fact]
    public void CompleteTask_WhenAnyOfJoinFiredWhileAMemberAwaitsRetry_KeepsTheJobRunningUntilTheRetryEnds()
    {
        var run = new JobBuilder().WithYaml(RaceToJoin).Start();
        run.Fail("flaky");
        run.Complete("steady");

        run.Complete("join");

        run.StatusOf("end").ShouldBe(NodeStatus.Completed);
        run.Job.Status.ShouldBe(JobStatus.Running);
        run.Node("flaky").IsRetryScheduled.ShouldBeTrue();
    }

    [Fact]
    public void RetryDueNodes_WhenLastOutstandingRetrySucceeds_CompletesTheJob()
    {
        var run = new JobBuilder().WithYaml(RaceToJoin).Start();
        run.Fail("flaky");
        run.Complete("steady");
        run.Complete("join");

        run.RetryDueNodesAfter(TimeSpan.FromSeconds(11)).ShouldBe(1);
        run.Complete("flaky");

        run.Job.Status.ShouldBe(JobStatus.Completed);
    }

    [Fact]
    public void FailTask_WhenNodeFailsDuringScheduledRetryOfAnother_CancelsThatRetry()
    {
        var run = Retrying("{max_attempts: 3, backoff: fixed, initial_delay_seconds: 10}");
        run.Fail("work");

        run.Fail("side", "fatal", retryable: false);

        run.StatusOf("work").ShouldBe(NodeStatus.Cancelled);
        run.Node("work").NextAttemptAt.ShouldBeNull();
        run.Job.FailedNodeId.ShouldBe("side");
    }

    [Fact]
    public void FailTask_WhenTaskTimedOut_RecordsNodeTimedOutAndSchedulesARetry()
    {
        var run = Retrying("{max_attempts: 3, backoff: fixed, initial_delay_seconds: 10}");

        var timeout = new TaskFailure("timed out after 3600s", "timeout", Retryable: true);

        var outcome = run.Job.FailTask(run.Definition, run.TaskIdOf("work"), timeout, run.Clock, JobEventTypes.NodeTimedOut);

        outcome.ShouldBe(ResultOutcome.Applied);

        run.Job.Events.TakeLast(2).Select(e => e.Type).ShouldBe([JobEventTypes.NodeTimedOut, JobEventTypes.RetryScheduled]);
        run.Node("work").Error.ShouldBe("timed out after 3600s");
        run.Node("work").IsRetryScheduled.ShouldBeTrue();
    }

    // start → work (with the given retry block) and side in parallel → after → end.
    private static JobRun Retrying(string retry) => new JobBuilder().WithYaml($$"""
        workflow_id: retrying
        name: Retrying
        nodes:
          start: {type: start, next: [work, side]}
          work:
            handler: echo
            retry: {{retry}}
            next: after
          side: {handler: echo, next: after}
          after: {handler: echo, next: end}
          end: {type: end}
        """).Start();

    // steady and flaky race to an any_of join.
    private const string RaceToJoin = """
        workflow_id: race_to_join
        name: Race to join
        nodes:
          start: {type: start, next: [flaky, steady]}
          flaky:
            handler: echo
            retry: {max_attempts: 3, backoff: fixed, initial_delay_seconds: 10}
          steady: {handler: echo}
          join:
            handler: echo
            depends_on: {any_of: [flaky, steady]}
            next: end
          end: {type: end}
        """;
}
