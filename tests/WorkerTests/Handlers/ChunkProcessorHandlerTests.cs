using System.Text.Json.Nodes;
using DagMaster.Worker;
using DagMaster.Worker.Handlers;
using DagMaster.WorkerTests.TestSupport;

namespace DagMaster.WorkerTests.Handlers;

public sealed class ChunkProcessorHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_WhenFresh_ProcessesChunksInOrderAndCheckpointsEach()
    {
        var reporter = new FakeTaskReporter();
        var context = TestTasks.Context("chunk_processor", new JsonObject { ["items"] = Items(25), ["chunk_size"] = 10 }, reporter);

        var output = await new ChunkProcessorHandler(TimeProvider.System).HandleAsync(context, Ct);

        output.ToJsonString().ShouldBe("""{"chunks":3,"processed":25,"resumed_from_chunk":0}""");
        reporter.Checkpoints.Select(c => c.Phase).ShouldBe(["chunk_0", "chunk_1", "chunk_2"]);
        reporter.Checkpoints.Select(c => c.State!.ToJsonString()).ShouldBe(
        [
            """{"next_chunk":1,"processed":10}""",
            """{"next_chunk":2,"processed":20}""",
            """{"next_chunk":3,"processed":25}""",
        ]);
        reporter.Progress.Select(p => (p.Current, p.Total)).ShouldBe([(1L, 3L), (2L, 3L), (3L, 3L)]);
    }

    [Fact]
    public async Task HandleAsync_WhenCheckpointGiven_ResumesFromNextChunk()
    {
        var reporter = new FakeTaskReporter();
        var checkpoint = new TaskCheckpoint("chunk_1", new JsonObject { ["next_chunk"] = 2, ["processed"] = 20 });
        var context = TestTasks.Context("chunk_processor", new JsonObject { ["items"] = Items(25), ["chunk_size"] = 10 }, reporter, checkpoint, attempt: 2);

        var output = await new ChunkProcessorHandler(TimeProvider.System).HandleAsync(context, Ct);

        output.ToJsonString().ShouldBe("""{"chunks":3,"processed":25,"resumed_from_chunk":2}""");
        reporter.Checkpoints.Select(c => c.Phase).ShouldBe(["chunk_2"]);
    }

    [Fact]
    public async Task HandleAsync_WhenNoChunkSize_UsesTen()
    {
        var context = TestTasks.Context("chunk_processor", new JsonObject { ["items"] = Items(15) });

        var output = await new ChunkProcessorHandler(TimeProvider.System).HandleAsync(context, Ct);

        output["chunks"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task HandleAsync_WhenItemsEmpty_ProcessesNothing()
    {
        var reporter = new FakeTaskReporter();
        var context = TestTasks.Context("chunk_processor", new JsonObject { ["items"] = new JsonArray(), ["chunk_size"] = "5" }, reporter);

        var output = await new ChunkProcessorHandler(TimeProvider.System).HandleAsync(context, Ct);

        output.ToJsonString().ShouldBe("""{"chunks":0,"processed":0,"resumed_from_chunk":0}""");
        reporter.Checkpoints.ShouldBeEmpty();
    }

    [Fact]
    public async Task HandleAsync_WhenCancelledAfterAChunk_StopsAtThatChunk()
    {
        using var cancellation = new CancellationTokenSource();
        var reporter = new FakeTaskReporter { OnCheckpoint = _ => cancellation.Cancel() };
        var context = TestTasks.Context("chunk_processor", new JsonObject { ["items"] = Items(30), ["chunk_size"] = 10 }, reporter);

        await Should.ThrowAsync<OperationCanceledException>(() => new ChunkProcessorHandler(TimeProvider.System).HandleAsync(context, cancellation.Token));

        reporter.Checkpoints.Select(c => c.Phase).ShouldBe(["chunk_0"]);
    }

    [Theory]
    [InlineData("""{"chunk_size":10}""")]
    [InlineData("""{"items":"a,b"}""")]
    [InlineData("""{"items":[1,2],"chunk_size":0}""")]
    public async Task HandleAsync_WhenParamsInvalid_FailsWithoutRetry(string parameters)
    {
        var context = TestTasks.Context("chunk_processor", JsonNode.Parse(parameters)!.AsObject());

        var failure = await Should.ThrowAsync<TaskFailedException>(() => new ChunkProcessorHandler(TimeProvider.System).HandleAsync(context, Ct));

        failure.ErrorType.ShouldBe("invalid_params");
        failure.Retryable.ShouldBeFalse();
    }

    private static JsonArray Items(int count) => [.. Enumerable.Range(1, count).Select(i => (JsonNode?)JsonValue.Create(i))];
}
