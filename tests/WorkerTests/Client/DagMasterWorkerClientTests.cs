using System.Net;
using System.Text.Json.Nodes;
using DagMaster.Worker;
using DagMaster.Worker.Client;
using DagMaster.WorkerTests.TestSupport;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace DagMaster.WorkerTests.Client;

public sealed class DagMasterWorkerClientTests : IAsyncLifetime
{
    private readonly HttpClient _httpClient = new();
    private FakeDagMaster _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await FakeDagMaster.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _httpClient.Dispose();
        await _server.DisposeAsync();
        _server.ProtocolErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task ClaimAsync_WhenNoTaskArrives_ReturnsEmpty()
    {
        var tasks = await Client(o => o.ClaimWaitSeconds = 0).ClaimAsync(1, Ct);

        tasks.ShouldBeEmpty();
    }

    [Fact]
    public async Task ClaimAsync_WhenCalled_SendsSnakeCaseBodyWithTheWorkerKey()
    {
        await Client(o => o.Handlers = ["echo", "sleep"]).ClaimAsync(3, Ct);

        var body = _server.CallsTo("claim").Single().Body;
        body.ToJsonString().ShouldBe("""{"worker_id":"client-test","queues":["q1","q2"],"handlers":["echo","sleep"],"max_tasks":3,"wait_seconds":0}""");
    }

    [Fact]
    public async Task ClaimAsync_WhenTaskQueued_ParsesTheTaskMessage()
    {
        var checkpoint = new JsonObject { ["phase"] = "tiles", ["state"] = new JsonObject { ["done"] = 4 }, ["saved_at"] = "2026-03-01T10:00:00.0000000+00:00" };
        _server.Enqueue("job-9:validate:2", "raster.validate", new JsonObject { ["path"] = "/data/a.tif" }, timeoutSeconds: 300, checkpoint: checkpoint);

        var task = (await Client().ClaimAsync(1, Ct)).Single();

        task.TaskId.ShouldBe("job-9:validate:2");
        task.Handler.ShouldBe("raster.validate");
        task.JobId.ShouldBe("job-1");
        task.Queue.ShouldBe("test-queue");
        task.Params!["path"]!.GetValue<string>().ShouldBe("/data/a.tif");
        task.Attempt.ShouldBe(1);
        task.MaxAttempts.ShouldBe(3);
        task.TimeoutSeconds.ShouldBe(300);
        task.CorrelationId.ShouldBe("corr-1");
        task.WorkflowId.ShouldBe("test_workflow");
        task.WorkflowVersion.ShouldBe(1);
        task.Checkpoint.ShouldNotBeNull();
        task.Checkpoint.Phase.ShouldBe("tiles");
        task.Checkpoint.State!.ToJsonString().ShouldBe("""{"done":4}""");
        task.Checkpoint.SavedAt.ShouldBe(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        task.LeaseExpiresAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task HeartbeatAsync_WhenTaskIdHasColons_ReachesThatTaskAndReturnsActive()
    {
        var client = await ClaimedAsync("job-1:node:1");

        var result = await client.HeartbeatAsync("job-1:node:1", new TaskProgress(1, 2, "half"), Ct);

        result.Status.ShouldBe(LeaseStatus.Active);
        result.LeaseExpiresAt.ShouldNotBeNull();
        _server.CallsTo("heartbeat", "job-1:node:1").Single().Body.ToJsonString().ShouldBe("""{"progress":{"current":1,"total":2,"message":"half"}}""");
    }

    [Fact]
    public async Task HeartbeatAsync_WhenTaskCancelled_ReturnsCancelRequested()
    {
        var client = await ClaimedAsync("t1");
        _server.CancelTask("t1");

        (await client.HeartbeatAsync("t1", null, Ct)).Status.ShouldBe(LeaseStatus.CancelRequested);
        _server.CallsTo("heartbeat", "t1").Single().Body.ToJsonString().ShouldBe("{}");
    }

    [Fact]
    public async Task HeartbeatAsync_WhenAttemptIsGone_ReturnsGone()
    {
        var client = await ClaimedAsync("t1");
        _server.MarkGone("t1");

        (await client.HeartbeatAsync("t1", null, Ct)).Status.ShouldBe(LeaseStatus.Gone);
    }

    [Fact]
    public async Task HeartbeatAsync_WhenTaskUnknown_ReturnsNotFound()
    {
        (await Client().HeartbeatAsync("never-claimed", null, Ct)).Status.ShouldBe(LeaseStatus.NotFound);
    }

    [Fact]
    public async Task SaveCheckpointAsync_WhenAttemptIsGone_ReturnsGone()
    {
        var client = await ClaimedAsync("t1");
        (await client.SaveCheckpointAsync("t1", "p1", new JsonObject { ["a"] = 1 }, null, Ct)).ShouldBe(LeaseStatus.Active);
        _server.MarkGone("t1");

        (await client.SaveCheckpointAsync("t1", "p2", null, null, Ct)).ShouldBe(LeaseStatus.Gone);
        _server.CallsTo("checkpoint", "t1")[0].Body.ToJsonString().ShouldBe("""{"phase":"p1","state":{"a":1}}""");
    }

    [Fact]
    public async Task FailAsync_WhenCalled_SendsErrorDurationAndWorkerId()
    {
        var client = await ClaimedAsync("t1");

        await client.FailAsync("t1", new TaskError("boom", "io_error", Retryable: false), 42, Ct);

        _server.CallsTo("fail", "t1").Single().Body.ToJsonString()
            .ShouldBe("""{"error":{"message":"boom","type":"io_error","retryable":false},"duration_ms":42,"worker_id":"client-test"}""");
    }

    [Fact]
    public async Task ReportResultsAsync_WhenCalled_SendsEveryResultWithTheWorkerIdAndReturnsEachOutcome()
    {
        var client = await ClaimedAsync("t1", "t2");

        var outcomes = await client.ReportResultsAsync(
            [
                TaskResultReport.Completed("t1", new JsonObject { ["ok"] = true }, 7),
                TaskResultReport.Failed("t2", new TaskError("boom", "io_error", Retryable: true)),
                TaskResultReport.Completed("t9", []),
            ],
            Ct);

        outcomes.ShouldBe([new("t1", TaskResultOutcome.Applied), new("t2", TaskResultOutcome.Applied), new("t9", TaskResultOutcome.NotFound)]);
        _server.CallsTo("results").Single().Body.ToJsonString().ShouldBe(
            """{"worker_id":"client-test","results":[{"task_id":"t1","output":{"ok":true},"duration_ms":7},"""
            + """{"task_id":"t2","error":{"message":"boom","type":"io_error","retryable":true}},{"task_id":"t9","output":{}}]}""");
    }

    [Fact]
    public async Task ReportResultsAsync_WhenTheCallIsRefused_ThrowsNonTransientErrorWithStatus()
    {
        var client = await ClaimedAsync("t1");
        _server.AnswerNext("results", HttpStatusCode.UnprocessableEntity);

        var error = await Should.ThrowAsync<HttpRequestException>(() => client.ReportResultsAsync([TaskResultReport.Completed("t1", [])], Ct));

        error.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        TransientErrors.IsTransient(error, Ct).ShouldBeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public async Task ReportResultsAsync_WhenNoneOrMoreThanACallCarries_ThrowsWithoutCalling(int count)
    {
        var results = Enumerable.Range(0, count).Select(i => TaskResultReport.Completed($"t{i}", [])).ToList();

        await Should.ThrowAsync<ArgumentException>(() => Client().ReportResultsAsync(results, Ct));

        _server.CallsTo("results").ShouldBeEmpty();
    }

    [Fact]
    public async Task CompleteAsync_WhenServerAnswers500_ThrowsTransientErrorWithStatus()
    {
        var client = await ClaimedAsync("t1");
        _server.AnswerNext("complete", HttpStatusCode.InternalServerError);

        var error = await Should.ThrowAsync<HttpRequestException>(() => client.CompleteAsync("t1", new JsonObject { ["ok"] = true }, 5, Ct));

        error.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        TransientErrors.IsTransient(error, Ct).ShouldBeTrue();
    }

    [Fact]
    public async Task ClaimAsync_WhenWorkerKeyIsWrong_ThrowsNonTransientUnauthorized()
    {
        var error = await Should.ThrowAsync<HttpRequestException>(() => Client(o => o.WorkerKey = "wrong").ClaimAsync(1, Ct));

        error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        TransientErrors.IsTransient(error, Ct).ShouldBeFalse();
    }

    private DagMasterWorkerClient Client(Action<WorkerOptions>? configure = null)
    {
        var options = new WorkerOptions
        {
            BaseUrl = _server.BaseUrl,
            WorkerKey = FakeDagMaster.WorkerKey,
            WorkerId = "client-test",
            Queues = ["q1", "q2"],
            ClaimWaitSeconds = 0,
        };
        configure?.Invoke(options);
        return new DagMasterWorkerClient(_httpClient, MsOptions.Create(options));
    }

    private async Task<DagMasterWorkerClient> ClaimedAsync(params string[] taskIds)
    {
        var client = Client();
        foreach (var taskId in taskIds)
        {
            _server.Enqueue(taskId, "echo");
        }

        (await client.ClaimAsync(taskIds.Length, Ct)).Select(t => t.TaskId).ShouldBe(taskIds);
        return client;
    }
}
