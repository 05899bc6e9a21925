using System.Net.Http.Json;
using System.Text.Json;
using Azure.Messaging.ServiceBus;
using DagMaster.ServiceBusTransportTests.Infrastructure;

namespace DagMaster.ServiceBusTransportTests;

/// <summary>Reports sent to the results queue: applied through the same command as HTTP, completed after the commit.</summary>
public sealed class ResultQueueTests(ServiceBusAppFixture app) : ServiceBusTestBase(app)
{
    private const string ResultsQueue = "dag-task-results";

    [Fact]
    public async Task ResultMessages_WhenRunningThenCompleted_StartAndCompleteTheNode()
    {
        var jobId = await Jobs.SubmitOkAsync("echo_test", new { message = "by queue" });
        var task = await ReceiveTaskAsync(jobId);
        var taskId = $"{jobId}:echo_handler:1";
        task.GetProperty("task_id").GetString().ShouldBe(taskId);

        await SendResultAsync(new { task_id = taskId, status = "running", worker_id = "queue-worker" });
        await Jobs.WaitForNodeAsync(jobId, "echo_handler", "running");
        await SendResultAsync(new { task_id = taskId, status = "completed", output = new { echoed_params = new { message = "by queue" } }, duration_ms = 3, worker_id = "queue-worker" });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed");

        job.GetProperty("result").GetProperty("echo_handler").GetProperty("echoed_params").GetProperty("message").GetString().ShouldBe("by queue");
        await Poll.UntilAsync(() => Task.FromResult(App.Peer.GetCounts(ResultsQueue)), c => c.Active == 0 && c.Locked == 0, "the results to be completed");
        App.Peer.GetDeadLetteredMessages(ResultsQueue).Where(m => System.Text.Encoding.UTF8.GetString(m.Body).Contains(taskId, StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task ResultMessage_WhenTheBrokerDeliversItAgain_IsAppliedOnce()
    {
        var jobId = await Jobs.SubmitOkAsync("echo_test", new { message = "again" });
        await ReceiveTaskAsync(jobId);
        var taskId = $"{jobId}:echo_handler:1";
        App.Peer.RedeliverNextCompletions(ResultsQueue, 1);

        await SendResultAsync(new { task_id = taskId, status = "completed", output = new { n = 1 } });
        await Jobs.WaitForStatusAsync(jobId, "completed");
        var events = await Poll.UntilAsync(
            () => Jobs.EventsAsync(jobId), e => e.Any(x => x.GetProperty("type").GetString() == "stale_result_ignored"), "the redelivered result to be seen");
        await Poll.UntilAsync(() => Task.FromResult(App.Peer.GetCounts(ResultsQueue)), c => c.Active == 0 && c.Locked == 0, "the redelivered result to be completed");

        events.Count(e => e.GetProperty("type").GetString() == "node_completed" && e.GetProperty("node_id").GetString() == "echo_handler").ShouldBe(1);
        events.Count(e => e.GetProperty("type").GetString() == "stale_result_ignored").ShouldBe(1);
    }

    [Theory]
    [InlineData("not json at all", "invalid_result")]
    [InlineData("{\"status\": \"completed\"}", "invalid_result")]
    [InlineData("{\"task_id\": \"01a24919-11cd-7709-b546-91479a786176:x:1\", \"status\": \"exploded\"}", "invalid_result")]
    [InlineData("{\"task_id\": \"01a24919-11cd-7709-b546-91479a786176:x:1\", \"status\": \"completed\", \"output\": {}}", "task_not_found")]
    public async Task ResultMessage_WhenItCanNeverBeApplied_IsDeadLetteredWithTheReason(string body, string reason)
    {
        var messageId = Guid.NewGuid().ToString();
        await using var client = new ServiceBusClient(App.Peer.ConnectionString);
        await using var sender = client.CreateSender(ResultsQueue);
        await sender.SendMessageAsync(new ServiceBusMessage(body) { MessageId = messageId }, Ct);

        var dead = await Poll.UntilAsync(
            () => Task.FromResult(App.Peer.GetDeadLetteredMessages(ResultsQueue).SingleOrDefault(m => m.MessageId == messageId)),
            m => m is not null, "the message to be dead-lettered");
        dead!.DeadLetterReason.ShouldBe(reason);
        dead.DeadLetterErrorDescription.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Claim_WhenTasksTravelByServiceBus_AnswersConflictNamingTheTransport()
    {
        using var http = new HttpClient { BaseAddress = App.Host.ServerAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestHostSettings.WorkerKey);
        using var response = await http.PostAsJsonAsync("/api/v1/worker/tasks/claim",
            new { worker_id = "w", queues = new[] { "dag-worker-tasks" }, max_tasks = 1, wait_seconds = 0 }, Ct);
        var problem = await response.ReadProblemAsync(409);
        problem.GetProperty("detail").GetString()!.ShouldContain("servicebus");
    }

    [Fact]
    public async Task Health_WithServiceBus_ReportsTheTransportReachable()
    {
        var health = await (await Client.GetAsync("/api/v1/health", Ct)).ReadJsonAsync(200);
        var transport = health.GetProperty("checks").GetProperty("transport");
        transport.GetProperty("status").GetString().ShouldBe("ok");
        transport.GetRawText().ShouldContain("servicebus");
    }

    [Fact]
    public async Task Health_WhenTheNamespaceIsUnreachable_IsDegradedNotUnhealthy()
    {
        // Nothing listens on port 9: tasks would wait in the outbox, but DagMaster still accepts and tracks work.
        await using var host = App.StartHost(new Dictionary<string, string>
        {
            ["SERVICE_BUS_CONNECTION_STRING"] = "Endpoint=sb://127.0.0.1:9;SharedAccessKeyName=k;SharedAccessKey=a2V5;UseDevelopmentEmulator=true",
            ["WEBHOOK_WORKERS"] = "0",
        });
        using var client = host.CreateClient();

        var health = await (await client.GetAsync("/api/v1/health", Ct)).ReadJsonAsync(200);
        health.GetProperty("status").GetString().ShouldBe("degraded");
        var transport = health.GetProperty("checks").GetProperty("transport");
        transport.GetProperty("status").GetString().ShouldBe("failed");
        transport.GetProperty("detail").GetString()!.ShouldStartWith("servicebus: ");
        transport.GetProperty("latency_ms").GetDouble().ShouldBeGreaterThan(0);
        health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("ok");
        ((int)(await client.GetAsync("/readyz", Ct)).StatusCode).ShouldBe(200);
    }

    private async Task<JsonElement> ReceiveTaskAsync(Guid jobId)
    {
        await using var client = new ServiceBusClient(App.Peer.ConnectionString);
        await using var receiver = client.CreateReceiver("dag-worker-tasks");
        while (true)
        {
            var message = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Ct) ?? throw new TimeoutException($"no task of job {jobId} arrived");
            await receiver.CompleteMessageAsync(message, Ct);
            var body = JsonDocument.Parse(message.Body.ToMemory()).RootElement.Clone();
            if (body.GetProperty("job_id").GetString() == jobId.ToString())
            {
                return body;
            }
        }
    }

    private async Task SendResultAsync(object result)
    {
        await using var client = new ServiceBusClient(App.Peer.ConnectionString);
        await using var sender = client.CreateSender(ResultsQueue);
        await sender.SendMessageAsync(new ServiceBusMessage(BinaryData.FromObjectAsJson(result)) { ContentType = "application/json" }, Ct);
    }
}
