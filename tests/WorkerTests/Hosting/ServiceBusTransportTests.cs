using System.Text.Json.Nodes;
using DagMaster.Testing.ServiceBus;
using DagMaster.Worker;
using DagMaster.Worker.Handlers;
using DagMaster.WorkerTests.TestSupport;

namespace DagMaster.WorkerTests.Hosting;

public sealed class ServiceBusTransportTests : IAsyncLifetime
{
    private FakeDagMaster _server = null!;
    private ServiceBusBench _bus = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeDagMaster.StartAsync();
        _bus = await ServiceBusBench.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.DisposeAsync();
        await _server.DisposeAsync();
        _server.ProtocolErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenTaskMessageArrives_SendsRunningAndCompletedThenCompletesTheMessage()
    {
        _server.Admit("t1");
        await using var worker = Start([new EchoHandler(TimeProvider.System)]);

        await _bus.SendAsync(ServiceBusBench.TaskMessage("t1", "echo", new JsonObject { ["message"] = "hello" }));
        await Poll.UntilAsync(() => _bus.Peer.GetCounts(ServiceBusBench.TaskQueue).Completed == 1, "the task message to be completed");

        _bus.Statuses("t1").ShouldBe(["running", "completed"]);
        var running = _bus.Results("t1")[0];
        running.ToJsonString().ShouldBe($$"""{"task_id":"t1","status":"running","worker_id":"{{WorkerHarness.WorkerId}}"}""");
        var completed = _bus.Results("t1")[1];
        completed["output"]!["echoed_params"]!["message"]!.GetValue<string>().ShouldBe("hello");
        completed["output"]!["task_id"]!.GetValue<string>().ShouldBe("t1");
        completed["duration_ms"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(0);
        completed["worker_id"]!.GetValue<string>().ShouldBe(WorkerHarness.WorkerId);
        var messages = _bus.ResultMessages("t1");
        messages.Select(m => m.MessageId).ShouldBe(["t1:running", "t1:completed"]);
        messages.Select(m => m.Subject).ShouldBe(["running", "completed"]);
        messages.ShouldAllBe(m => m.ContentType == "application/json");
        var queue = _bus.Peer.GetCounts(ServiceBusBench.TaskQueue);
        queue.Active.ShouldBe(0);
        queue.Locked.ShouldBe(0);
        queue.Abandoned.ShouldBe(0);
        _server.ResultsFor("t1").ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenHandlerFails_SendsFailedWithTheErrorAndCompletesTheMessage()
    {
        _server.Admit("t1");
        var handler = new DelegateHandler("parse", (_, _) => throw new TaskFailedException("corrupt header", "invalid_input", retryable: false));
        await using var worker = Start([handler]);

        await _bus.SendAsync(ServiceBusBench.TaskMessage("t1", "parse"));
        await Poll.UntilAsync(() => _bus.Peer.GetCounts(ServiceBusBench.TaskQueue).Completed == 1, "the task message to be completed");

        _bus.Statuses("t1").ShouldBe(["running", "failed"]);
        var failed = _bus.Results("t1")[1];
        failed["error"]!.ToJsonString().ShouldBe("""{"message":"corrupt header","type":"invalid_input","retryable":false}""");
        failed["duration_ms"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(0);
        _bus.ResultMessages("t1")[1].MessageId.ShouldBe("t1:failed");
    }

    [Fact]
    public async Task RunAsync_WhenHandlerIsUnknown_SendsNonRetryableFailure()
    {
        await using var worker = Start([new EchoHandler(TimeProvider.System)]);

        await _bus.SendAsync(ServiceBusBench.TaskMessage("t1", "no_such_handler"));
        await Poll.UntilAsync(() => _bus.Peer.GetCounts(ServiceBusBench.TaskQueue).Completed == 1, "the task message to be completed");

        _bus.Statuses("t1").ShouldBe(["failed"]);
        var error = _bus.Results("t1")[0]["error"]!;
        error["type"]!.GetValue<string>().ShouldBe("unknown_handler");
        error["retryable"]!.GetValue<bool>().ShouldBeFalse();
        error["message"]!.GetValue<string>().ShouldContain("no_such_handler");
    }

    [Theory]
    [InlineData("this is not json", "not JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("""{"handler":"echo","params":{}}""", "no task_id")]
    [InlineData("""{"task_id":"t1","node_id":"n"}""", "no handler")]
    [InlineData("""{"task_id":"t1","handler":"echo","attempt":"first"}""", "wrong type")]
    public async Task RunAsync_WhenBodyIsNotATaskMessage_DeadLettersItWithTheReason(string body, string problem)
    {
        await using var worker = Start([new EchoHandler(TimeProvider.System)]);

        await _bus.SendAsync(ServiceBusBench.Message("t1", "echo", body));
        await Poll.UntilAsync(() => _bus.Peer.GetCounts(ServiceBusBench.TaskQueue).DeadLettered == 1, "the message to be dead-lettered");

        var dead = _bus.Peer.GetDeadLetteredMessages(ServiceBusBench.TaskQueue).ShouldHaveSingleItem();
        dead.DeadLetterReason.ShouldBe("invalid_task_message");
        dead.DeadLetterErrorDescription.ShouldNotBeNull().ShouldContain(problem);
        _bus.Peer.GetMessages(ServiceBusBench.ResultsQueue).ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenHandlerOutlastsTheLock_RenewsTheLockAndRunsOnce()
    {
        _server.Admit("t1");
        _bus.Peer.DeclareQueue(ServiceBusBench.TaskQueue, new QueueSettings { LockDuration = TimeSpan.FromSeconds(2) });
        var runs = 0;
        var handler = new DelegateHandler("slow", async (context, ct) =>
        {
            Interlocked.Increment(ref runs);
            var until = DateTimeOffset.UtcNow.AddSeconds(5);
            await Poll.UntilAsync(() => DateTimeOffset.UtcNow > until, "the slow handler's five seconds");
            return new JsonObject { ["slept"] = true };
        });
        await using var worker = Start([handler]);

        await _bus.SendAsync(ServiceBusBench.TaskMessage("t1", "slow"));
        await Poll.UntilAsync(() => _bus.Peer.GetCounts(ServiceBusBench.TaskQueue).Completed == 1, "the task message to be completed", TimeSpan.FromSeconds(20));

        Volatile.Read(ref runs).ShouldBe(1);
        _bus.Statuses("t1").ShouldBe(["running", "completed"]);
        var queue = _bus.Peer.GetCounts(ServiceBusBench.TaskQueue);
        queue.Abandoned.ShouldBe(0);
        queue.Active.ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_WhenResultSendsAreRefused_AbandonsTheMessageAndCompletesOnceSendsWork()
    {
        _server.Admit("t1");
        _bus.Peer.DeclareQueue(ServiceBusBench.TaskQueue, new QueueSettings { MaxDeliveryCount = 1000 });
        await _bus.SendAsync(ServiceBusBench.TaskMessage("t1", "echo"));

        // Transient, without the SDK's 10 s server-busy pause that com.microsoft:server-busy would add to each try.
        _bus.Peer.RefusalCondition = "com.microsoft:timeout";
        _bus.Peer.RefuseSends = true;
        await using var worker = Start([new EchoHandler(TimeProvider.System)]);
        await Poll.UntilAsync(() => _bus.Peer.GetCounts(ServiceBusBench.TaskQueue).Abandoned >= 1, "the task message to be abandoned");
        _bus.Peer.GetCounts(ServiceBusBench.ResultsQueue).Refused.ShouldBeGreaterThanOrEqualTo(1);
        _bus.Peer.GetCounts(ServiceBusBench.TaskQueue).Completed.ShouldBe(0);

        _bus.Peer.RefuseSends = false;
        await Poll.UntilAsync(() => _bus.Peer.GetCounts(ServiceBusBench.TaskQueue).Completed == 1, "the task message to be completed");

        _bus.Statuses("t1").ShouldBe(["running", "completed"]);
        _bus.Peer.GetMessages(ServiceBusBench.TaskQueue).ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenHandlerTimesOut_SendsRetryableTimeoutFailure()
    {
        _server.Admit("t1");
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var worker = Start([TestHandlers.WaitForever("wait", cancelled)]);

        await _bus.SendAsync(ServiceBusBench.TaskMessage("t1", "wait", timeoutSeconds: 1));
        await Poll.UntilAsync(() => _bus.Peer.GetCounts(ServiceBusBench.TaskQueue).Completed == 1, "the task message to be completed");

        cancelled.Task.IsCompleted.ShouldBeTrue();
        _bus.Statuses("t1").ShouldBe(["running", "failed"]);
        _bus.Results("t1")[1]["error"]!.ToJsonString().ShouldBe("""{"message":"timed out after 1s","type":"timeout","retryable":true}""");
    }

    [Fact]
    public async Task RunAsync_WhenDagMasterCancelsTheTask_CompletesTheMessageWithoutAResult()
    {
        _server.Admit("t1");
        _server.CancelTask("t1");
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var worker = Start([TestHandlers.WaitForever("wait", cancelled)]);

        await _bus.SendAsync(ServiceBusBench.TaskMessage("t1", "wait"));
        await Poll.UntilAsync(() => _bus.Peer.GetCounts(ServiceBusBench.TaskQueue).Completed == 1, "the task message to be completed");

        cancelled.Task.IsCompleted.ShouldBeTrue();
        _bus.Statuses("t1").ShouldBe(["running"]);
        _bus.Peer.GetCounts(ServiceBusBench.TaskQueue).Abandoned.ShouldBe(0);
    }

    [Fact]
    public async Task StopAsync_WhenHandlerOutlastsTheDrain_CancelsItAndAbandonsTheMessage()
    {
        _server.Admit("t1");
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = Start([TestHandlers.WaitForever("wait", cancelled)], o => o.DrainTimeout = TimeSpan.FromMilliseconds(300));
        await using (worker)
        {
            await _bus.SendAsync(ServiceBusBench.TaskMessage("t1", "wait"));
            await Poll.UntilAsync(() => _bus.Statuses("t1").Count == 1, "the task to be running");

            await worker.StopAsync();
        }

        cancelled.Task.IsCompleted.ShouldBeTrue();
        _bus.Statuses("t1").ShouldBe(["running"]);
        worker.Logger.Entries.ShouldContain(e => e.Message.Contains("Task t1 ended Abandoned; abandoning its message"));

        // At least once: while its processors close, the SDK also releases the message if it arrives again.
        var queue = _bus.Peer.GetCounts(ServiceBusBench.TaskQueue);
        queue.Abandoned.ShouldBeGreaterThanOrEqualTo(1);
        queue.Completed.ShouldBe(0);
        queue.DeadLettered.ShouldBe(0);
        _bus.Peer.GetMessages(ServiceBusBench.TaskQueue).ShouldHaveSingleItem().MessageId.ShouldBe("t1");
    }

    [Fact]
    public async Task RunAsync_WhenTasksArriveOnSeveralQueues_NeverRunsMoreThanMaxConcurrencyInTotal()
    {
        var running = 0;
        var maxRunning = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler("work", async (_, ct) =>
        {
            TestHandlers.InterlockedMax(ref maxRunning, Interlocked.Increment(ref running));

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
        await using var worker = Start([handler], o => o.MaxConcurrency = 2, "queue-a", "queue-b");

        for (var i = 1; i <= 3; i++)
        {
            _server.Admit($"a{i}");
            _server.Admit($"b{i}");
            await _bus.SendAsync(ServiceBusBench.TaskMessage($"a{i}", "work"), "queue-a");
            await _bus.SendAsync(ServiceBusBench.TaskMessage($"b{i}", "work"), "queue-b");
        }

        await Poll.UntilAsync(() => Volatile.Read(ref running) == 2, "two handlers running");
        gate.SetResult();
        await Poll.UntilAsync(
            () => _bus.Peer.GetCounts("queue-a").Completed == 3 && _bus.Peer.GetCounts("queue-b").Completed == 3,
            "all six task messages to be completed");

        Volatile.Read(ref maxRunning).ShouldBe(2);
    }

    private WorkerHarness Start(IEnumerable<ITaskHandler> handlers, Action<WorkerOptions>? configure = null, params string[] queues) =>
        WorkerHarness.Start(_server, handlers, options =>
        {
            _bus.Configure(options, queues);
            configure?.Invoke(options);
        });
}
