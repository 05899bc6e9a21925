using System.Text.Json.Nodes;
using DagMaster.Worker;
using DagMaster.Worker.Handlers;
using DagMaster.WorkerTests.TestSupport;

namespace DagMaster.WorkerTests.Handlers;

public sealed class FlakyEchoHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_WhenRandomBelowFailureRate_FailsRetryably()
    {
        var handler = new FlakyEchoHandler(new FixedRandomSource(0.29));
        var context = TestTasks.Context("flaky_echo", new JsonObject { ["failure_rate"] = "0.3" });

        var failure = await Should.ThrowAsync<TaskFailedException>(() => handler.HandleAsync(context, Ct));

        failure.ErrorType.ShouldBe("flaky_failure");
        failure.Retryable.ShouldBeTrue();
    }

    [Fact]
    public async Task HandleAsync_WhenRandomAtOrAboveFailureRate_EchoesAsFlakyEcho()
    {
        var handler = new FlakyEchoHandler(new FixedRandomSource(0.3));
        var context = TestTasks.Context("flaky_echo", new JsonObject { ["failure_rate"] = 0.3, ["item_value"] = "a" });

        var output = await handler.HandleAsync(context, Ct);

        output["handler"]!.GetValue<string>().ShouldBe("flaky_echo");
        output["task_id"]!.GetValue<string>().ShouldBe(TestTasks.TaskId);
        output["echoed_params"]!["item_value"]!.GetValue<string>().ShouldBe("a");
    }

    [Theory]
    [InlineData(0.49, true)]
    [InlineData(0.5, false)]
    public async Task HandleAsync_WhenNoFailureRate_FailsHalfTheTime(double random, bool fails)
    {
        var handler = new FlakyEchoHandler(new FixedRandomSource(random));

        var handling = handler.HandleAsync(TestTasks.Context("flaky_echo"), Ct);

        if (fails)
        {
            await Should.ThrowAsync<TaskFailedException>(() => handling);
        }
        else
        {
            (await handling)["handler"]!.GetValue<string>().ShouldBe("flaky_echo");
        }
    }

    [Fact]
    public async Task HandleAsync_WhenSeededTwice_FailsOnTheSameAttempts()
    {
        var first = await OutcomesAsync(new FlakyEchoHandler(new SystemRandomSource(new Random(1234))));
        var second = await OutcomesAsync(new FlakyEchoHandler(new SystemRandomSource(new Random(1234))));

        second.ShouldBe(first);
        first.ShouldContain(true);
        first.ShouldContain(false);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("often")]
    public async Task HandleAsync_WhenFailureRateInvalid_FailsAsInvalidParams(string rate)
    {
        var context = TestTasks.Context("flaky_echo", new JsonObject { ["failure_rate"] = rate });

        var failure = await Should.ThrowAsync<TaskFailedException>(() => new FlakyEchoHandler(new FixedRandomSource(0.9)).HandleAsync(context, Ct));

        failure.ErrorType.ShouldBe("invalid_params");
        failure.Retryable.ShouldBeFalse();
    }

    private static async Task<List<bool>> OutcomesAsync(FlakyEchoHandler handler)
    {
        var failed = new List<bool>();
        for (var i = 0; i < 20; i++)
        {
            try
            {
                await handler.HandleAsync(TestTasks.Context("flaky_echo", new JsonObject { ["failure_rate"] = 0.5 }), Ct);
                failed.Add(false);
            }
            catch (TaskFailedException)
            {
                failed.Add(true);
            }
        }

        return failed;
    }
}
