using DagMaster.Domain.Common;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Jobs.Rules;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Domain.Jobs;

/// <summary>Illegal transitions asked of the aggregate are refused, and nothing is written.</summary>
public sealed class JobTransitionGuardTests
{
    [Fact]
    public void Start_WhenJobIsAlreadyRunning_ThrowsInvalidStatusTransitionWithFromAndTo()
    {
        var run = new JobBuilder().WithLinearChain("a").Start();

        var ex = Should.Throw<InvalidStatusTransitionException>(() => run.Job.Start(run.Definition, run.Clock));

        ex.From.ShouldBe("running");
        ex.To.ShouldBe("running");
        ex.Subject.ShouldBe($"job {run.Job.Id}");
        ex.Message.ShouldBe($"job {run.Job.Id} cannot go from running to running");
    }

    [Fact]
    public void Start_WhenJobIsCompleted_ThrowsInvalidStatusTransitionAndKeepsTheJobCompleted()
    {
        var run = new JobBuilder().WithLinearChain("a").Start().Completed("a");
        var events = run.Job.Events.Count;

        var ex = Should.Throw<InvalidStatusTransitionException>(() => run.Job.Start(run.Definition, run.Clock));

        ex.From.ShouldBe("completed");
        ex.To.ShouldBe("running");
        run.Job.Status.ShouldBe(JobStatus.Completed);
        run.Job.Events.Count.ShouldBe(events);
    }

    [Fact]
    public void Start_WhenJobWasCancelledBeforeStarting_ThrowsInvalidStatusTransition()
    {
        // failed/cancelled → running is only for an operator retry or rerun, not for Start.
        var builder = new JobBuilder().WithLinearChain("a");
        var definition = builder.BuildDefinition();
        var job = builder.Build();
        job.Cancel("operator", null, builder.Clock);

        var ex = Should.Throw<InvalidStatusTransitionException>(() => job.Start(definition, builder.Clock));

        ex.From.ShouldBe("cancelled");
        ex.To.ShouldBe("running");
        job.Status.ShouldBe(JobStatus.Cancelled);
        job.ResultJson.ShouldBeNull();
    }

    [Fact]
    public void Cancel_WhenJobIsCompleted_BreaksOnlyUnfinishedJobCanBeCancelledRule()
    {
        var run = new JobBuilder().WithLinearChain("a").Start().Completed("a");

        var ex = Should.Throw<BusinessRuleValidationException>(() => run.Cancel());

        ex.BrokenRule.ShouldBeOfType<OnlyUnfinishedJobCanBeCancelledRule>();
        ex.Message.ShouldBe($"job {run.Job.Id} is completed and cannot be cancelled");
        run.Job.Status.ShouldBe(JobStatus.Completed);
        run.EventTypes.ShouldNotContain(JobEventTypes.OperatorAction);
    }

    [Fact]
    public void Cancel_WhenJobHasFailed_BreaksOnlyUnfinishedJobCanBeCancelledRule()
    {
        var run = new JobBuilder().WithLinearChain("a").Start();
        run.Fail("a", retryable: false);

        var ex = Should.Throw<BusinessRuleValidationException>(() => run.Cancel());

        ex.BrokenRule.ShouldBeOfType<OnlyUnfinishedJobCanBeCancelledRule>();
        run.Job.Status.ShouldBe(JobStatus.Failed);
    }

    [Fact]
    public void Cancel_WhenJobIsAlreadyCancelled_BreaksOnlyUnfinishedJobCanBeCancelledRule()
    {
        var run = new JobBuilder().WithLinearChain("a").Start();
        run.Cancel();

        var ex = Should.Throw<BusinessRuleValidationException>(() => run.Cancel());

        ex.BrokenRule.ShouldBeOfType<OnlyUnfinishedJobCanBeCancelledRule>();
    }
}
