using System.Text.Json;
using DagMaster.ServiceBusTransportTests.Infrastructure;

namespace DagMaster.ServiceBusTransportTests;

/// <summary>The original workflows, unchanged, run by the DagMaster worker host consuming Service Bus (WORKER_TRANSPORT=servicebus).</summary>
public sealed class WorkerHostTests(ServiceBusAppFixture app) : ServiceBusTestBase(app)
{
    [Fact]
    public async Task EchoTest_WhenRunByAServiceBusWorker_CompletesAndReportsItsStart()
    {
        await using var worker = await ServiceBusWorker.StartAsync(App, ["dag-worker-tasks"]);

        var jobId = await Jobs.SubmitOkAsync("echo_test", new { message = "over the bus", count = 2 });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 30);

        var output = job.GetProperty("result").GetProperty("echo_handler");
        output.GetProperty("echoed_params").GetProperty("message").GetString().ShouldBe("over the bus");
        output.GetProperty("task_id").GetString().ShouldBe($"{jobId}:echo_handler:1");

        // The worker completes the task message only after its result went out.
        await Poll.UntilAsync(
            () => Task.FromResult(App.Peer.GetCounts("dag-worker-tasks")), c => c.Active == 0 && c.Locked == 0, "the task message to be completed");
    }

    [Fact]
    public async Task FanOutTest_WhenRunByAServiceBusWorker_CollectsEveryChild()
    {
        await using var worker = await ServiceBusWorker.StartAsync(App, ["dag-worker-tasks"]);
        string[] items = ["a", "b", "c", "d", "e", "f", "g", "h"];

        var jobId = await Jobs.SubmitOkAsync("fan_out_test", new { item_list = items });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 60);

        var collected = job.GetProperty("result").GetProperty("aggregate");
        var values = FindAll(collected, "item_value").Select(v => v.GetString()).Order().ToList();
        values.ShouldBe(items);
    }

    [Fact]
    public async Task RetryTest_WhenTwoAttemptsFail_TheThirdCompletesOverServiceBus()
    {
        await using var worker = await ServiceBusWorker.StartAsync(App, ["dag-worker-tasks"], randomDraws: [0.1, 0.2, 0.9]);

        var jobId = await Jobs.SubmitOkAsync("retry_test", new { failure_rate = 0.5 });
        await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 40);

        var node = await Jobs.NodeAsync(jobId, "flaky_step");
        node.GetProperty("attempt").GetInt32().ShouldBe(3);
        node.GetProperty("task_id").GetString().ShouldBe($"{jobId}:flaky_step:3");
        var events = await Jobs.EventsAsync(jobId);
        events.Count(e => e.GetProperty("type").GetString() == "node_failed").ShouldBe(2);
        events.Count(e => e.GetProperty("type").GetString() == "retry_scheduled").ShouldBe(2);
    }

    [Fact]
    public async Task CheckpointTest_WhenRunByAServiceBusWorker_RunsEveryStepAndKeepsItsCheckpoints()
    {
        await using var worker = await ServiceBusWorker.StartAsync(App, ["dag-worker-tasks"]);

        var jobId = await Jobs.SubmitOkAsync("checkpoint_test", new { message = "steps", steps = 3, step_delay = 0 });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 30);

        var output = job.GetProperty("result").GetProperty("multi_step_echo");
        output.GetProperty("completed_steps").EnumerateArray().Select(s => s.GetString()).ShouldBe(["step_1", "step_2", "step_3"]);
        (await Jobs.NodeAsync(jobId, "multi_step_echo")).GetProperty("checkpoint").GetProperty("phase").GetString().ShouldBe("step_2");
    }

    [Fact]
    public async Task TwoQueues_WhenEachHasItsOwnWorkerHost_EachStepRunsOnItsPool()
    {
        var a = App.Peer.GetCounts("pool-a");
        var b = App.Peer.GetCounts("pool-b");
        await using var poolA = await ServiceBusWorker.StartAsync(App, ["pool-a"], workerId: "worker-a");
        await using var poolB = await ServiceBusWorker.StartAsync(App, ["pool-b"], workerId: "worker-b");

        var jobId = await Jobs.SubmitOkAsync("two_queues", new { message = "pools" });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 30);

        // Each worker host consumes only its own queue, so each step ran on the pool its node names.
        job.GetProperty("result").GetProperty("second").GetProperty("message").GetString().ShouldBe("Hello, pools!");
        var afterA = await Poll.UntilAsync(
            () => Task.FromResult(App.Peer.GetCounts("pool-a")), c => c.Completed > a.Completed, "pool-a's task to be completed");
        var afterB = await Poll.UntilAsync(
            () => Task.FromResult(App.Peer.GetCounts("pool-b")), c => c.Completed > b.Completed, "pool-b's task to be completed");
        (afterA.Accepted - a.Accepted).ShouldBe(1);
        (afterB.Accepted - b.Accepted).ShouldBe(1);
        (afterA.Completed - a.Completed).ShouldBe(1);
        (afterB.Completed - b.Completed).ShouldBe(1);
        App.Peer.GetMessages("pool-a").ShouldBeEmpty();
        App.Peer.GetMessages("pool-b").ShouldBeEmpty();
    }

    private static IEnumerable<JsonElement> FindAll(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals(name))
                {
                    yield return property.Value;
                }

                foreach (var found in FindAll(property.Value, name))
                {
                    yield return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var found in FindAll(item, name))
                {
                    yield return found;
                }
            }
        }
    }
}
