using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DagMaster.ServiceBusTransportTests.Infrastructure;

namespace DagMaster.ServiceBusTransportTests;

/// <summary>The original system's workers, unchanged: they read the original message fields and report with the original callbacks.</summary>
public sealed class OriginalWorkerTests(ServiceBusAppFixture app) : ServiceBusTestBase(app)
{
    [Fact]
    public async Task EchoTest_WhenServedByTheOriginalWorker_CompletesFromTheOriginalMessage()
    {
        await using var worker = await OriginalWorker.StartAsync(App, "dag-worker-tasks");

        var jobId = await Jobs.SubmitOkAsync("echo_test", new { message = "hello", count = 2 });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 30);

        job.GetProperty("result").GetProperty("echo_handler").GetProperty("echoed_params").GetProperty("message").GetString().ShouldBe("hello");
        worker.CallbackStatuses.ShouldAllBe(s => s == 202);
        var message = worker.Received.Single(m => m.MessageId == $"{jobId}:echo_handler:1");
        message.Subject.ShouldBe("echo");
        message.ContentType.ShouldBe("application/json");
        message.TimeToLive.ShouldBe(TimeSpan.FromSeconds(120));
        message.ApplicationProperties["job_id"].ShouldBe(jobId.ToString());
        message.ApplicationProperties["node_id"].ShouldBe("echo_handler");
        message.ApplicationProperties["handler"].ShouldBe("echo");
        message.ApplicationProperties["attempt"].ShouldBe(1);

        var body = JsonDocument.Parse(message.Body.ToMemory()).RootElement;
        var task = OriginalTask.Read(body);
        task.RetryCount.ShouldBe(0);
        task.TimeoutSeconds.ShouldBe(60);
        task.CorrelationId.ShouldBeNull();
        task.CheckpointPhase.ShouldBeNull();
        task.Params.GetProperty("message").GetString().ShouldBe("hello");
        DateTime.ParseExact(task.DispatchedAt, "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture).ShouldBeInRange(
            DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        body.GetProperty("attempt").GetInt32().ShouldBe(1);
        body.GetProperty("workflow_id").GetString().ShouldBe("echo_test");

        var events = await Jobs.EventsAsync(jobId);
        var started = events.Single(e => e.GetProperty("type").GetString() == "node_started");
        started.GetProperty("data").GetProperty("worker_id").GetString().ShouldBe(OriginalWorker.WorkerId);
    }

    [Fact]
    public async Task CheckpointTest_WhenTheFirstAttemptFailsAfterACheckpoint_TheRetryReceivesItAndCompletes()
    {
        var seen = new List<OriginalTask>();
        await using var worker = await OriginalWorker.StartAsync(App, "dag-worker-tasks", async (task, self) =>
        {
            lock (seen)
            {
                seen.Add(task);
            }

            if (task.RetryCount == 0)
            {
                await self.PostCheckpointAsync(task, "step_2", 1, new JsonObject { ["next_step"] = 3 });
                throw new InvalidOperationException("worker lost its mount after step 2");
            }

            var next = task.CheckpointData!.Value.GetProperty("state_data").GetProperty("next_step").GetInt32();
            return new JsonObject { ["resumed_at_step"] = next, ["phase"] = task.CheckpointPhase };
        });

        var jobId = await Jobs.SubmitOkAsync("checkpoint_test", new { message = "resume", steps = 5, step_delay = 0 });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 30);

        var output = job.GetProperty("result").GetProperty("multi_step_echo");
        output.GetProperty("resumed_at_step").GetInt32().ShouldBe(3);
        output.GetProperty("phase").GetString().ShouldBe("step_2");
        seen.Count.ShouldBe(2);
        var retry = seen.Single(t => t.RetryCount == 1);
        retry.TaskId.ShouldBe($"{jobId}:multi_step_echo:2");
        var data = retry.CheckpointData!.Value;
        data.GetProperty("phase_name").GetString().ShouldBe("step_2");
        data.GetProperty("phase_index").GetInt32().ShouldBe(1);
        data.GetProperty("total_phases").GetInt32().ShouldBe(5);
        data.GetProperty("checkpoint_id").GetString().ShouldNotBeNullOrEmpty();
        (await Jobs.NodeAsync(jobId, "multi_step_echo")).GetProperty("attempt").GetInt32().ShouldBe(2);
        var failed = (await Jobs.EventsAsync(jobId)).Single(e => e.GetProperty("type").GetString() == "node_failed");
        failed.GetRawText().ShouldContain("worker lost its mount after step 2");
    }

    [Fact]
    public async Task TaskResultCallback_WhenRepeatedOrStale_IsAcceptedAndChangesNothing()
    {
        await using var worker = await OriginalWorker.StartAsync(App, "dag-worker-tasks");
        var jobId = await Jobs.SubmitOkAsync("echo_test", new { message = "once" });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 30);

        using var http = new HttpClient { BaseAddress = App.Host.ServerAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestHostSettings.WorkerKey);
        foreach (var (taskId, message) in new[] { ($"{jobId}:echo_handler:1", "again"), ($"{jobId}:echo_handler:7", "stale") })
        {
            using var response = await http.PostAsJsonAsync("/api/v1/callbacks/task-result", new
            {
                task_id = taskId,
                job_id = jobId,
                node_id = "echo_handler",
                status = "completed",
                output = new { echoed_params = new { message } },
                worker_id = "late-worker",
                execution_duration_ms = 1,
            }, Ct);
            var answer = await response.ReadJsonAsync(202);
            answer.GetProperty("status").GetString().ShouldBe("accepted");
            answer.GetProperty("task_id").GetString().ShouldBe(taskId);
        }

        var after = await Jobs.GetAsync(jobId);
        after.GetProperty("result").GetProperty("echo_handler").GetProperty("echoed_params").GetProperty("message").GetString().ShouldBe("once");
        after.GetProperty("completed_at").GetString().ShouldBe(job.GetProperty("completed_at").GetString());
        var events = await Jobs.EventsAsync(jobId);
        events.Count(e => e.GetProperty("type").GetString() == "node_completed" && e.GetProperty("node_id").GetString() == "echo_handler").ShouldBe(1);
        events.Count(e => e.GetProperty("type").GetString() == "stale_result_ignored").ShouldBe(2);
    }

    [Fact]
    public async Task Callbacks_WithoutAWorkerKeyOrWithABadStatus_AreRefused()
    {
        using var anonymous = new HttpClient { BaseAddress = App.Host.ServerAddress };
        using var unauthorised = await anonymous.PostAsJsonAsync("/api/v1/callbacks/task-result", new { task_id = "x", status = "completed" }, Ct);
        ((int)unauthorised.StatusCode).ShouldBe(401);

        using var http = new HttpClient { BaseAddress = App.Host.ServerAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestHostSettings.WorkerKey);
        using var badStatus = await http.PostAsJsonAsync("/api/v1/callbacks/task-result",
            new { task_id = $"{Guid.NewGuid()}:a:1", status = "exploded" }, Ct);
        var problem = await badStatus.ReadProblemAsync(422);
        problem.GetRawText().ShouldContain("status");
        using var unknown = await http.PostAsJsonAsync("/api/v1/callbacks/task-result",
            new { task_id = $"{Guid.NewGuid()}:a:1", status = "completed", output = new { } }, Ct);
        ((int)unknown.StatusCode).ShouldBe(404);
    }
}
