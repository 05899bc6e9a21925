using System.Text.Json.Nodes;
using DagMaster.Worker;
using DagMaster.Worker.Handlers;
using DagMaster.WorkerTests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace DagMaster.WorkerTests.Handlers;

public sealed class EchoHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_WhenSingleStep_EchoesParamsHandlerAndTaskId()
    {
        var context = TestTasks.Context("echo", new JsonObject { ["message"] = "hi", ["n"] = 2 });

        var output = await new EchoHandler(TimeProvider.System).HandleAsync(context, Ct);

        output["echoed_params"]!.ToJsonString().ShouldBe("""{"message":"hi","n":2}""");
        output["handler"]!.GetValue<string>().ShouldBe("echo");
        output["task_id"]!.GetValue<string>().ShouldBe(TestTasks.TaskId);
        output.ContainsKey("completed_steps").ShouldBeFalse();
    }

    [Fact]
    public async Task HandleAsync_WhenStepsGreaterThanOne_CheckpointsEveryStepButTheLast()
    {
        var reporter = new FakeTaskReporter();
        var context = TestTasks.Context("echo", new JsonObject { ["steps"] = 3 }, reporter);

        var output = await new EchoHandler(TimeProvider.System).HandleAsync(context, Ct);

        reporter.Checkpoints.Select(c => c.Phase).ShouldBe(["step_1", "step_2"]);
        reporter.Checkpoints[0].State!.ToJsonString().ShouldBe("""{"next_step":2,"completed_steps":["step_1"]}""");
        reporter.Checkpoints[1].State!.ToJsonString().ShouldBe("""{"next_step":3,"completed_steps":["step_1","step_2"]}""");
        reporter.Progress.ShouldBe([new TaskProgress(1, 3, "step_1 of 3"), new TaskProgress(2, 3, "step_2 of 3"), new TaskProgress(3, 3, "step_3 of 3")]);
        output["completed_steps"]!.ToJsonString().ShouldBe("""["step_1","step_2","step_3"]""");
        output["resumed_from"]!.GetValue<int>().ShouldBe(1);
        output["handler"]!.GetValue<string>().ShouldBe("echo");
    }

    [Fact]
    public async Task HandleAsync_WhenCheckpointGiven_ResumesFromNextStep()
    {
        var reporter = new FakeTaskReporter();
        var checkpoint = new TaskCheckpoint("step_2", new JsonObject { ["next_step"] = 3, ["completed_steps"] = TestTasks.Strings("step_1", "step_2") });
        var context = TestTasks.Context("echo", new JsonObject { ["steps"] = 5 }, reporter, checkpoint, attempt: 2);

        var output = await new EchoHandler(TimeProvider.System).HandleAsync(context, Ct);

        reporter.Progress.Select(p => p.Current).ShouldBe([3L, 4L, 5L]);
        reporter.Checkpoints.Select(c => c.Phase).ShouldBe(["step_3", "step_4"]);
        reporter.Checkpoints[^1].State!["completed_steps"]!.ToJsonString().ShouldBe("""["step_1","step_2","step_3","step_4"]""");
        output["completed_steps"]!.ToJsonString().ShouldBe("""["step_1","step_2","step_3","step_4","step_5"]""");
        output["resumed_from"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task HandleAsync_WhenStepsIsNumericString_RunsTheSteps()
    {
        var reporter = new FakeTaskReporter();
        var context = TestTasks.Context("echo", new JsonObject { ["steps"] = "2", ["step_delay"] = "0" }, reporter);

        var output = await new EchoHandler(TimeProvider.System).HandleAsync(context, Ct);

        reporter.Checkpoints.Count.ShouldBe(1);
        output["completed_steps"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task HandleAsync_WhenStepDelayGiven_WaitsThatLongBetweenSteps()
    {
        var time = new FakeTimeProvider();
        var reporter = new FakeTaskReporter();
        var context = TestTasks.Context("echo", new JsonObject { ["steps"] = 3, ["step_delay"] = 2.5 }, reporter);

        var handling = new EchoHandler(time).HandleAsync(context, Ct);

        await Poll.UntilAsync(() => reporter.Checkpoints.Count == 1, "the first checkpoint");
        time.Advance(TimeSpan.FromSeconds(2.4));
        reporter.Checkpoints.Count.ShouldBe(1);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await Poll.UntilAsync(() => reporter.Checkpoints.Count == 2, "the second checkpoint");
        handling.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(2.5));
        var output = await handling.WaitAsync(Poll.DefaultTimeout, Ct);
        output["completed_steps"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task HandleAsync_WhenCancelledBetweenSteps_StopsWithoutFinishing()
    {
        using var cancellation = new CancellationTokenSource();
        var reporter = new FakeTaskReporter { OnCheckpoint = _ => cancellation.Cancel() };
        var context = TestTasks.Context("echo", new JsonObject { ["steps"] = 4, ["step_delay"] = 60 }, reporter);

        await Should.ThrowAsync<OperationCanceledException>(() => new EchoHandler(TimeProvider.System).HandleAsync(context, cancellation.Token));

        reporter.Checkpoints.Select(c => c.Phase).ShouldBe(["step_1"]);
    }

    [Fact]
    public async Task HandleAsync_WhenStepsIsNotANumber_FailsWithoutRetry()
    {
        var context = TestTasks.Context("echo", new JsonObject { ["steps"] = "many" });

        var failure = await Should.ThrowAsync<TaskFailedException>(() => new EchoHandler(TimeProvider.System).HandleAsync(context, Ct));

        failure.ErrorType.ShouldBe("invalid_params");
        failure.Retryable.ShouldBeFalse();
    }
}
