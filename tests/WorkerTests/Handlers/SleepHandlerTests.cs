using System.Text.Json.Nodes;
using DagMaster.Worker;
using DagMaster.Worker.Handlers;
using DagMaster.WorkerTests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace DagMaster.WorkerTests.Handlers;

public sealed class SleepHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_WhenDurationGiven_SleepsThatLongAndReportsIt()
    {
        var time = new FakeTimeProvider();
        var context = TestTasks.Context("sleep", new JsonObject { ["duration_seconds"] = 1.5 });

        var handling = new SleepHandler(time).HandleAsync(context, Ct);

        time.Advance(TimeSpan.FromSeconds(1.4));
        handling.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(0.1));
        var output = await handling.WaitAsync(Poll.DefaultTimeout, Ct);
        output["slept_seconds"]!.GetValue<double>().ShouldBe(1.5);
    }

    [Fact]
    public async Task HandleAsync_WhenDurationIsNumericString_ReadsIt()
    {
        var context = TestTasks.Context("sleep", new JsonObject { ["duration_seconds"] = "0" });

        var output = await new SleepHandler(TimeProvider.System).HandleAsync(context, Ct);

        output["slept_seconds"]!.GetValue<double>().ShouldBe(0);
    }

    [Fact]
    public async Task HandleAsync_WhenCancelled_StopsSleeping()
    {
        using var cancellation = new CancellationTokenSource();
        var context = TestTasks.Context("sleep", new JsonObject { ["duration_seconds"] = 3600 });

        var handling = new SleepHandler(TimeProvider.System).HandleAsync(context, cancellation.Token);
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => handling.WaitAsync(Poll.DefaultTimeout, Ct));
    }

    [Fact]
    public async Task HandleAsync_WhenDurationIsNegative_FailsWithoutRetry()
    {
        var context = TestTasks.Context("sleep", new JsonObject { ["duration_seconds"] = -1 });

        var failure = await Should.ThrowAsync<TaskFailedException>(() => new SleepHandler(TimeProvider.System).HandleAsync(context, Ct));

        failure.ErrorType.ShouldBe("invalid_params");
        failure.Retryable.ShouldBeFalse();
    }
}
