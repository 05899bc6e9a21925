using DagMaster.Domain.Jobs;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Domain.Jobs;

public sealed class JobDeadlineTests
{
    private const string TimedWorkflow = """
        workflow_id: timed
        name: Timed
        timeout_seconds: 600
        nodes:
          start: {type: start, next: a}
          a:
            handler: echo
            retry: {max_attempts: 3, backoff: fixed, initial_delay_seconds: 30}
            next: b
          b: {handler: echo, next: end}
          end: {type: end}
        """;

    [Fact]
    public void Submit_WhenWorkflowHasATimeout_SetsTheDeadlineFromSubmission()
    {
        var job = new JobBuilder().WithYaml(TimedWorkflow).Build();

        job.Deadline.ShouldBe(JobBuilder.StartTime.AddSeconds(600));
    }

    [Fact]
    public void Submit_WhenWorkflowHasNoTimeout_HasNoDeadline()
    {
        var job = new JobBuilder().WithLinearChain("a").Build();

        job.Deadline.ShouldBeNull();
    }

    [Fact]
    public void EnforceDeadline_WhenDeadlineHasNotPassed_ReturnsFalseAndKeepsRunning()
    {
        var run = new JobBuilder().WithYaml(TimedWorkflow).Start();
        run.Clock.Advance(TimeSpan.FromSeconds(599));
        var events = run.Job.Events.Count;

        run.Job.EnforceDeadline(run.Clock).ShouldBeFalse();

        run.Job.Status.ShouldBe(JobStatus.Running);
        run.StatusOf("a").ShouldBe(NodeStatus.Dispatched);
        run.Job.Events.Count.ShouldBe(events);
    }

    [Fact]
    public void EnforceDeadline_WhenDeadlineHasPassed_FailsTheJobWithJobTimedOut()
    {
        var run = new JobBuilder().WithYaml(TimedWorkflow).Start();
        run.Clock.Advance(TimeSpan.FromSeconds(601));

        run.Job.EnforceDeadline(run.Clock).ShouldBeTrue();

        run.Job.Status.ShouldBe(JobStatus.Failed);
        run.Job.Error.ShouldBe("job timed out");
        run.Job.FailedNodeId.ShouldBeNull();
        run.Job.CompletedAt.ShouldBe(JobBuilder.StartTime.AddSeconds(601));
        run.Job.WithdrawQueuedTasks.ShouldBeTrue();
        run.Job.Events.Last().Type.ShouldBe(JobEventTypes.JobFailed);
    }

    [Fact]
    public void EnforceDeadline_WhenDeadlineHasPassed_CancelsEveryUnfinishedNode()
    {
        var run = new JobBuilder().WithYaml(TimedWorkflow).Start();
        run.Fail("a");
        run.Clock.Advance(TimeSpan.FromMinutes(11));

        run.Job.EnforceDeadline(run.Clock);

        run.StatusOf("start").ShouldBe(NodeStatus.Completed);
        run.StatusOf("a").ShouldBe(NodeStatus.Cancelled);
        run.StatusOf("b").ShouldBe(NodeStatus.Cancelled);
        run.StatusOf("end").ShouldBe(NodeStatus.Cancelled);
        run.RetryDueNodes().ShouldBe(0);
    }

    [Fact]
    public void EnforceDeadline_WhenWorkflowHasNoTimeout_NeverFailsTheJob()
    {
        var run = new JobBuilder().WithLinearChain("a").Start();
        run.Clock.Advance(TimeSpan.FromDays(365));

        run.Job.EnforceDeadline(run.Clock).ShouldBeFalse();

        run.Job.Status.ShouldBe(JobStatus.Running);
    }

    [Fact]
    public void EnforceDeadline_WhenJobCompletedInTime_ReturnsFalse()
    {
        var run = new JobBuilder().WithYaml(TimedWorkflow).Start().Completed("a").Completed("b");
        run.Clock.Advance(TimeSpan.FromHours(1));

        run.Job.EnforceDeadline(run.Clock).ShouldBeFalse();

        run.Job.Status.ShouldBe(JobStatus.Completed);
    }

    [Fact]
    public void CompleteTask_WhenJobTimedOut_IsIgnored()
    {
        var run = new JobBuilder().WithYaml(TimedWorkflow).Start();
        var taskId = run.TaskIdOf("a");
        run.Clock.Advance(TimeSpan.FromMinutes(11));
        run.Job.EnforceDeadline(run.Clock);

        run.CompleteTask(taskId).ShouldBe(ResultOutcome.Ignored);

        run.Job.Error.ShouldBe("job timed out");
    }
}
