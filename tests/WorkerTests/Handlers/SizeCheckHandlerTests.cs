using System.Text.Json.Nodes;
using DagMaster.Worker;
using DagMaster.Worker.Handlers;
using DagMaster.WorkerTests.TestSupport;

namespace DagMaster.WorkerTests.Handlers;

public sealed class SizeCheckHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_WhenFileExists_ReportsItsSize()
    {
        var path = Path.Combine(Path.GetTempPath(), $"size-check-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(path, new byte[3 * 1024 * 1024 / 2], Ct);
        try
        {
            var output = await new SizeCheckHandler().HandleAsync(TestTasks.Context("size_check", new JsonObject { ["path"] = path }), Ct);

            output["size_bytes"]!.GetValue<long>().ShouldBe(1_572_864L);
            output["size_mb"]!.GetValue<double>().ShouldBe(1.5);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task HandleAsync_WhenFileIsMissing_FailsWithoutRetry()
    {
        var context = TestTasks.Context("size_check", new JsonObject { ["path"] = "/no/such/file.tif" });

        var failure = await Should.ThrowAsync<TaskFailedException>(() => new SizeCheckHandler().HandleAsync(context, Ct));

        failure.ErrorType.ShouldBe("file_not_found");
        failure.Retryable.ShouldBeFalse();
        failure.Message.ShouldContain("/no/such/file.tif");
    }

    [Fact]
    public async Task HandleAsync_WhenDataGiven_ReportsItsLength()
    {
        var output = await new SizeCheckHandler().HandleAsync(TestTasks.Context("size_check", new JsonObject { ["data"] = "hello" }), Ct);

        output["size_bytes"]!.GetValue<long>().ShouldBe(5L);
        output["size_mb"]!.GetValue<double>().ShouldBe(0);
    }

    [Fact]
    public async Task HandleAsync_WhenNeitherPathNorData_FailsAsInvalidParams()
    {
        var failure = await Should.ThrowAsync<TaskFailedException>(() => new SizeCheckHandler().HandleAsync(TestTasks.Context("size_check"), Ct));

        failure.ErrorType.ShouldBe("invalid_params");
    }
}
