using System.Text.Json.Nodes;
using DagMaster.Worker;
using DagMaster.Worker.Handlers;
using DagMaster.WorkerTests.TestSupport;

namespace DagMaster.WorkerTests.Handlers;

public sealed class FailHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_WhenNoParams_FailsRetryablyWithDefaultMessage()
    {
        var failure = await Should.ThrowAsync<TaskFailedException>(() => new FailHandler().HandleAsync(TestTasks.Context("fail"), Ct));

        failure.Message.ShouldBe("failure requested");
        failure.ErrorType.ShouldBe("requested_failure");
        failure.Retryable.ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"message":"disk on fire","retryable":false}""", "disk on fire", false)]
    [InlineData("""{"retryable":"false"}""", "failure requested", false)]
    [InlineData("""{"retryable":"True"}""", "failure requested", true)]
    [InlineData("""{"message":"again","retryable":true}""", "again", true)]
    public async Task HandleAsync_WhenRetryableGiven_FailsWithThatFlag(string parameters, string message, bool retryable)
    {
        var context = TestTasks.Context("fail", JsonNode.Parse(parameters)!.AsObject());

        var failure = await Should.ThrowAsync<TaskFailedException>(() => new FailHandler().HandleAsync(context, Ct));

        failure.Message.ShouldBe(message);
        failure.Retryable.ShouldBe(retryable);
        failure.ErrorType.ShouldBe("requested_failure");
    }

    [Fact]
    public async Task HandleAsync_WhenRetryableIsNotABoolean_FailsAsInvalidParams()
    {
        var context = TestTasks.Context("fail", new JsonObject { ["retryable"] = "perhaps" });

        var failure = await Should.ThrowAsync<TaskFailedException>(() => new FailHandler().HandleAsync(context, Ct));

        failure.ErrorType.ShouldBe("invalid_params");
        failure.Retryable.ShouldBeFalse();
    }
}
