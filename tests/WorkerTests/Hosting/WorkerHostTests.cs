using System.Net;
using System.Text.Json.Nodes;
using DagMaster.Worker.Handlers;
using DagMaster.WorkerTests.TestSupport;
using Microsoft.Extensions.Logging;

namespace DagMaster.WorkerTests.Hosting;

public sealed class WorkerHostTests : IAsyncLifetime
{
    private FakeDagMaster _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeDagMaster.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _server.ProtocolErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenTaskQueued_ClaimsAndCompletesWithOutputAndDuration()
    {
        await using var worker = WorkerHarness.Start(_server, [new EchoHandler(TimeProvider.System)]);

        _server.Enqueue("t1", "echo", new JsonObject { ["message"] = "hello" });
        await Poll.UntilAsync(() => _server.ResultsFor("t1").Count == 1, "t1 to be reported");

        var result = _server.ResultsFor("t1").Single();
        result.Call.ShouldBe("complete");
        result.Body["output"]!["echoed_params"]!["message"]!.GetValue<string>().ShouldBe("hello");
        result.Body["output"]!["task_id"]!.GetValue<string>().ShouldBe("t1");
        result.Body["duration_ms"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(0);
        result.Body["worker_id"]!.GetValue<string>().ShouldBe(WorkerHarness.WorkerId);
        var claim = _server.CallsTo("claim")[0].Body;
        claim["worker_id"]!.GetValue<string>().ShouldBe(WorkerHarness.WorkerId);
        claim["queues"]!.ToJsonString().ShouldBe("""["test-queue"]""");
        claim["max_tasks"]!.GetValue<int>().ShouldBe(4);
        claim["wait_seconds"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task RunAsync_WhenMoreTasksThanSlots_NeverRunsMoreThanMaxConcurrency()
    {
        var running = 0;
        var maxRunning = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler("work", async (context, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            TestHandlers.InterlockedMax(ref maxRunning, now);
            try
            {
                await gate.Task.WaitAsync(ct);
                return [];
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        });
        await using var worker = WorkerHarness.Start(_server, [handler], o => o.MaxConcurrency = 2);

        for (var i = 1; i <= 6; i++)
        {
            _server.Enqueue($"t{i}", "work");
        }

        await Poll.UntilAsync(() => Volatile.Read(ref running) == 2, "two handlers running");
        _server.PendingCount.ShouldBe(4);
        gate.SetResult();
        await Poll.UntilAsync(() => Enumerable.Range(1, 6).All(i => _server.ResultsFor($"t{i}").Count == 1), "all six tasks completed");

        Volatile.Read(ref maxRunning).ShouldBe(2);
        _server.CallsTo("claim").ShouldAllBe(c => c.Body["max_tasks"]!.GetValue<int>() <= 2);
        _server.ResultsCalls().SelectMany(c => c.TaskIds).Order().ShouldBe(["t1", "t2", "t3", "t4", "t5", "t6"]);
        _server.CallsTo("complete").ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenHandlerThrows_ReportsRetryableFailureNamedAfterTheException()
    {
        var handler = new DelegateHandler("broken", (_, _) => throw new InvalidOperationException("state is bad"));
        await using var worker = WorkerHarness.Start(_server, [handler]);

        _server.Enqueue("t1", "broken");
        await Poll.UntilAsync(() => _server.ResultsFor("t1").Count == 1, "t1 to be reported");

        var result = _server.ResultsFor("t1").Single();
        result.Call.ShouldBe("fail");
        result.Body["error"]!.ToJsonString().ShouldBe("""{"message":"state is bad","type":"InvalidOperationException","retryable":true}""");
        result.Body["worker_id"]!.GetValue<string>().ShouldBe(WorkerHarness.WorkerId);
    }

    [Fact]
    public async Task RunAsync_WhenHandlerThrowsTaskFailedException_ReportsItsTypeAndRetryable()
    {
        await using var worker = WorkerHarness.Start(_server, [new FailHandler()]);

        _server.Enqueue("t1", "fail", new JsonObject { ["message"] = "corrupt file", ["retryable"] = false });
        await Poll.UntilAsync(() => _server.ResultsFor("t1").Count == 1, "t1 to be reported");

        _server.ResultsFor("t1").Single().Body["error"]!.ToJsonString()
            .ShouldBe("""{"message":"corrupt file","type":"requested_failure","retryable":false}""");
    }

    [Fact]
    public async Task RunAsync_WhenHandlerUnknown_ReportsNonRetryableUnknownHandler()
    {
        await using var worker = WorkerHarness.Start(_server, [new EchoHandler(TimeProvider.System)]);

        _server.Enqueue("t1", "raster.validate");
        await Poll.UntilAsync(() => _server.ResultsFor("t1").Count == 1, "t1 to be reported");

        var error = _server.ResultsFor("t1").Single().Body["error"]!;
        error["type"]!.GetValue<string>().ShouldBe("unknown_handler");
        error["retryable"]!.GetValue<bool>().ShouldBeFalse();
        error["message"]!.GetValue<string>().ShouldContain("raster.validate");
    }

    [Fact]
    public async Task RunAsync_WhenHeartbeatAnswersCancel_StopsHandlerAndReportsNothing()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var worker = WorkerHarness.Start(_server, [TestHandlers.WaitForever("long", cancelled)]);

        _server.Enqueue("t1", "long");
        await Poll.UntilAsync(() => _server.CallsTo("heartbeat", "t1").Count > 0, "a heartbeat of t1");
        _server.CancelTask("t1");
        await cancelled.Task.WaitAsync(Poll.DefaultTimeout, TestContext.Current.CancellationToken);
        await worker.StopAsync();

        _server.ResultsFor("t1").ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenHeartbeatAnswersGone_StopsHandlerAndReportsNothing()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var worker = WorkerHarness.Start(_server, [TestHandlers.WaitForever("long", cancelled)]);

        _server.Enqueue("t1", "long");
        await Poll.UntilAsync(() => _server.CallsTo("heartbeat", "t1").Count > 0, "a heartbeat of t1");
        _server.MarkGone("t1");
        await cancelled.Task.WaitAsync(Poll.DefaultTimeout, TestContext.Current.CancellationToken);
        await worker.StopAsync();

        _server.ResultsFor("t1").ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenTimeoutElapses_CancelsHandlerAndReportsRetryableTimeout()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var worker = WorkerHarness.Start(_server, [TestHandlers.WaitForever("long", cancelled)]);

        _server.Enqueue("t1", "long", timeoutSeconds: 1);
        await Poll.UntilAsync(() => _server.ResultsFor("t1").Count == 1, "t1 to be reported");

        cancelled.Task.IsCompleted.ShouldBeTrue();
        var result = _server.ResultsFor("t1").Single();
        result.Body["error"]!.ToJsonString().ShouldBe("""{"message":"timed out after 1s","type":"timeout","retryable":true}""");
        // The duration covers the run up to the timeout; timers may fire a few milliseconds early.
        result.Body["duration_ms"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(900);
    }

    [Fact]
    public async Task RunAsync_WhenStopped_StopsClaimingFinishesRunningTasksAndAbandonsTheRest()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finishing = new DelegateHandler("finishing", async (_, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            return new JsonObject { ["done"] = true };
        });
        var stuckCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = WorkerHarness.Start(_server, [finishing, TestHandlers.WaitForever("stuck", stuckCancelled)], o => o.DrainTimeout = TimeSpan.FromMilliseconds(500));
        await using (worker)
        {
            _server.Enqueue("finishing-1", "finishing");
            _server.Enqueue("stuck-1", "stuck");
            await Poll.UntilAsync(() => _server.CallsTo("heartbeat", "finishing-1").Count > 0 && _server.CallsTo("heartbeat", "stuck-1").Count > 0, "both tasks running");

            worker.RequestStop();
            await Poll.UntilAsync(() => _server.ActiveClaims == 0, "the long-poll claim to be abandoned");
            _server.Enqueue("late-1", "finishing");
            gate.SetResult();
            await worker.Run.WaitAsync(Poll.DefaultTimeout, TestContext.Current.CancellationToken);
        }

        _server.ResultsFor("finishing-1").Single().Call.ShouldBe("complete");
        stuckCancelled.Task.IsCompleted.ShouldBeTrue();
        _server.ResultsFor("stuck-1").ShouldBeEmpty();
        _server.PendingCount.ShouldBe(1);
    }

    [Fact]
    public async Task RunAsync_WhenStoppedWhileIdle_ReturnsWithoutWaitingForTheLongPoll()
    {
        var worker = WorkerHarness.Start(_server, [new EchoHandler(TimeProvider.System)], o => o.ClaimWaitSeconds = 30);
        await Poll.UntilAsync(() => _server.CallsTo("claim").Count > 0, "a claim");

        await worker.DisposeAsync();

        worker.Run.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task RunAsync_WhenClaimAnswers503Once_RetriesAndCompletes()
    {
        _server.AnswerNext("claim", HttpStatusCode.ServiceUnavailable);
        _server.Enqueue("t1", "echo");
        await using var worker = WorkerHarness.Start(_server, [new EchoHandler(TimeProvider.System)]);

        await Poll.UntilAsync(() => _server.ResultsFor("t1").Count == 1, "t1 to be reported");

        _server.CallsTo("claim")[0].Status.ShouldBe(503);
        _server.ResultsFor("t1").Single().Call.ShouldBe("complete");
        worker.Logger.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("Claiming failed"));
    }

    [Fact]
    public async Task RunAsync_WhenResultsAnswers503Once_RetriesTheReport()
    {
        _server.AnswerNext("results", HttpStatusCode.ServiceUnavailable);
        await using var worker = WorkerHarness.Start(_server, [new EchoHandler(TimeProvider.System)]);

        _server.Enqueue("t1", "echo");
        await Poll.UntilAsync(() => _server.ResultsFor("t1").Count == 1, "t1 to be reported");

        _server.ResultsCalls().Select(c => $"{string.Join(",", c.TaskIds)}:{c.Status}").ShouldBe(["t1:503", "t1:200"]);
        _server.CallsTo("complete").ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenConnectionRefusedAtFirst_KeepsClaimingAndCompletes()
    {
        var refusing = new RefusingConnectionsHandler(refusals: 3);
        _server.Enqueue("t1", "echo");
        await using var worker = WorkerHarness.Start(_server, [new EchoHandler(TimeProvider.System)], httpHandler: refusing);

        await Poll.UntilAsync(() => _server.ResultsFor("t1").Count == 1, "t1 to be reported");

        refusing.Refused.ShouldBe(3);
        worker.Run.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task RunAsync_WhenOutputRejectedAsBadRequest_ReportsNonRetryableOutputRejected()
    {
        _server.AnswerNext("results", HttpStatusCode.BadRequest);
        _server.AnswerNext("complete", HttpStatusCode.BadRequest);
        await using var worker = WorkerHarness.Start(_server, [new EchoHandler(TimeProvider.System)]);

        _server.Enqueue("t1", "echo");
        await Poll.UntilAsync(() => _server.ResultsFor("t1").Any(r => r.Call == "fail"), "t1 to be failed");

        var error = _server.ResultsFor("t1").Single(r => r.Call == "fail").Body["error"]!;
        error["type"]!.GetValue<string>().ShouldBe("output_rejected");
        error["retryable"]!.GetValue<bool>().ShouldBeFalse();
        _server.CallsTo("complete", "t1").Select(c => c.Status).ShouldBe([400]);
    }

    [Fact]
    public async Task RunAsync_WhenHandlerReportsProgressAndCheckpoints_SendsThemToDagMaster()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler("phased", async (context, ct) =>
        {
            await context.SaveCheckpointAsync("phase_1", new JsonObject { ["cursor"] = 7 }, ct);
            await context.ReportProgressAsync(3, 10, "three down", ct);
            await gate.Task.WaitAsync(ct);
            return [];
        });
        await using var worker = WorkerHarness.Start(_server, [handler]);

        _server.Enqueue("t1", "phased");
        await Poll.UntilAsync(() => _server.CallsTo("heartbeat", "t1").Any(h => h.Body["progress"] is not null), "a heartbeat with progress");
        gate.SetResult();
        await Poll.UntilAsync(() => _server.ResultsFor("t1").Count == 1, "t1 to be reported");

        var checkpoint = _server.CallsTo("checkpoint", "t1").Single().Body;
        checkpoint["phase"]!.GetValue<string>().ShouldBe("phase_1");
        checkpoint["state"]!.ToJsonString().ShouldBe("""{"cursor":7}""");
        _server.CallsTo("heartbeat", "t1").First(h => h.Body["progress"] is not null).Body["progress"]!.ToJsonString()
            .ShouldBe("""{"current":3,"total":10,"message":"three down"}""");
    }

    [Fact]
    public async Task RunAsync_WhenCheckpointRefusedAsGone_StopsHandlerAndReportsNothing()
    {
        var handler = new DelegateHandler("phased", async (context, ct) =>
        {
            await context.SaveCheckpointAsync("phase_1", new JsonObject(), ct);
            return new JsonObject { ["unexpected"] = true };
        });
        _server.MarkGone("t1");
        await using var worker = WorkerHarness.Start(_server, [handler]);

        _server.Enqueue("t1", "phased");
        await Poll.UntilAsync(() => _server.CallsTo("checkpoint", "t1").Count == 1, "the checkpoint of t1");
        await Poll.UntilAsync(() => worker.Logger.Entries.Any(e => e.Message.Contains("nothing is reported")), "t1 to end");

        _server.ResultsFor("t1").ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenTaskCarriesCheckpoint_HandlerResumesFromIt()
    {
        await using var worker = WorkerHarness.Start(_server, [new EchoHandler(TimeProvider.System)]);
        var checkpoint = new JsonObject
        {
            ["phase"] = "step_1",
            ["state"] = new JsonObject { ["next_step"] = 2, ["completed_steps"] = TestTasks.Strings("step_1") },
            ["saved_at"] = "2026-01-01T00:00:00.0000000+00:00",
        };

        _server.Enqueue("t1", "echo", new JsonObject { ["steps"] = 3 }, checkpoint: checkpoint);
        await Poll.UntilAsync(() => _server.ResultsFor("t1").Count == 1, "t1 to be reported");

        var output = _server.ResultsFor("t1").Single().Body["output"]!;
        output["resumed_from"]!.GetValue<int>().ShouldBe(2);
        output["completed_steps"]!.ToJsonString().ShouldBe("""["step_1","step_2","step_3"]""");
        _server.CallsTo("checkpoint", "t1").Select(c => c.Body["phase"]!.GetValue<string>()).ShouldBe(["step_2"]);
    }
}
