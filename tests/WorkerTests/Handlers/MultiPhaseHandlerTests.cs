using System.Text.Json.Nodes;
using DagMaster.Worker;
using DagMaster.Worker.Handlers;
using DagMaster.WorkerTests.TestSupport;

namespace DagMaster.WorkerTests.Handlers;

public sealed class MultiPhaseHandlerTests
{
    [Fact]
    public async Task HandleAsync_WhenNoStepsGiven_RunsThreeCheckpointedSteps()
    {
        var reporter = new FakeTaskReporter();
        var context = TestTasks.Context("multi_phase", new JsonObject(), reporter);

        var output = await new MultiPhaseHandler(TimeProvider.System).HandleAsync(context, TestContext.Current.CancellationToken);

        reporter.Checkpoints.Select(c => c.Phase).ShouldBe(["step_1", "step_2"]);
        output["handler"]!.GetValue<string>().ShouldBe("multi_phase");
        output["completed_steps"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task HandleAsync_WhenCheckpointPointsPastTheLastStep_FinishesWithTheLastStep()
    {
        var reporter = new FakeTaskReporter();
        var checkpoint = new TaskCheckpoint("step_9", new JsonObject { ["next_step"] = 10 });
        var context = TestTasks.Context("multi_phase", new JsonObject { ["steps"] = 2 }, reporter, checkpoint);

        var output = await new MultiPhaseHandler(TimeProvider.System).HandleAsync(context, TestContext.Current.CancellationToken);

        output["resumed_from"]!.GetValue<int>().ShouldBe(2);
        output["completed_steps"]!.ToJsonString().ShouldBe("""["step_1","step_2"]""");
        reporter.Checkpoints.ShouldBeEmpty();
    }
}
