using System.Net;
using System.Net.Http.Json;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Jobs;

/// <summary>Jobs driven by a hand-written worker over the real HTTP protocol.</summary>
public sealed class JobLifecycleTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private JobsApi Jobs => new(Client);

    [Fact]
    public async Task EchoTest_WhenWorkerCompletesTask_JobCompletesWithEchoedResult()
    {
        var response = await Jobs.SubmitAsync(new { workflow_id = "echo_test", inputs = new { message = "hello" }, correlation_id = "req-1" });
        var submitted = await response.ReadJsonAsync(201);
        var jobId = submitted.GetProperty("job_id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/jobs/{jobId}");
        submitted.GetProperty("status").GetString().ShouldBe("running");

        var worker = new RawWorker(App);
        var task = await worker.ClaimOneAsync();
        task.GetProperty("task_id").GetString().ShouldBe($"{jobId}:echo_handler:1");
        task.GetProperty("params").GetProperty("message").GetString().ShouldBe("hello");
        task.GetProperty("params").GetProperty("count").GetInt64().ShouldBe(1);
        task.GetProperty("correlation_id").GetString().ShouldBe("req-1");
        task.GetProperty("max_attempts").GetInt32().ShouldBe(3);
        (await Jobs.NodeAsync(jobId, "echo_handler")).GetProperty("status").GetString().ShouldBe("running");

        (await worker.CompleteAsync(task.GetProperty("task_id").GetString()!, new { echoed_params = new { message = "hello" } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("status").GetString().ShouldBe("completed");
        job.GetProperty("result").GetProperty("echo_handler").GetProperty("echoed_params").GetProperty("message").GetString().ShouldBe("hello");
        job.GetProperty("result").GetProperty("_provenance").GetProperty("workflow_id").GetString().ShouldBe("echo_test");
        job.GetProperty("progress").GetProperty("percent").GetDouble().ShouldBe(100);
        var types = (await Jobs.EventsAsync(jobId)).Select(e => e.GetProperty("type").GetString()).ToList();
        types.ShouldBe([
            "job_created", "job_started", "node_ready", "node_completed", "node_ready", "node_dispatched", "node_started",
            "node_completed", "node_ready", "node_completed", "job_completed",
        ]);
    }

    [Fact]
    public async Task DataPipeline_WhenStepOneCompletes_StepTwoReceivesItsOutputThroughTemplates()
    {
        var jobId = await Jobs.SubmitOkAsync("data_pipeline_test", new { message = "hello world", extra_tag = "tier1" });
        var worker = new RawWorker(App);

        var one = await worker.ClaimOneAsync();
        await worker.CompleteAsync(one.GetProperty("task_id").GetString()!, new { echoed_params = new { message = "hello world", extra_tag = "tier1" } });
        var two = await worker.ClaimOneAsync();

        two.GetProperty("node_id").GetString().ShouldBe("step_two");
        two.GetProperty("params").GetProperty("from_upstream").GetString().ShouldBe("hello world");
        two.GetProperty("params").GetProperty("tag_check").GetString().ShouldBe("tier1");
        two.GetProperty("params").GetProperty("original_input").GetString().ShouldBe("hello world");
    }

    [Fact]
    public async Task DataPipeline_WithInputsLargeEnoughToBeKeptInMemory_StepTwoStillReadsThemAndTheyAreStoredUnchanged()
    {
        // Past JobInputsCache.MinLength a step no longer reads the inputs column: step_two's template must still see
        // the submitted message, and no step may write the stand-in value back.
        var message = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"tile-{i:00000};"));
        var jobId = await Jobs.SubmitOkAsync("data_pipeline_test", new { message, extra_tag = "tier1" });
        var worker = new RawWorker(App);

        var one = await worker.ClaimOneAsync();
        await worker.CompleteAsync(one.GetProperty("task_id").GetString()!, new { echoed_params = new { message = "short", extra_tag = "tier1" } });
        var two = await worker.ClaimOneAsync();
        await worker.CompleteAsync(two.GetProperty("task_id").GetString()!, new { ok = true });

        two.GetProperty("params").GetProperty("original_input").GetString().ShouldBe(message);
        var job = await Jobs.WaitForStatusAsync(jobId, "completed");
        job.GetProperty("inputs").GetProperty("message").GetString().ShouldBe(message);
    }

    [Fact]
    public async Task FailTask_WhenNotRetryable_FailsJobAtOnceAndIgnoresLateResult()
    {
        var jobId = await Jobs.SubmitOkAsync("data_pipeline_test", new { message = "m" });
        var worker = new RawWorker(App);
        var task = await worker.ClaimOneAsync();
        var taskId = task.GetProperty("task_id").GetString()!;

        (await worker.FailAsync(taskId, "corrupt file", retryable: false)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("status").GetString().ShouldBe("failed");
        job.GetProperty("failed_node_id").GetString().ShouldBe("step_one");
        job.GetProperty("error").GetString()!.ShouldContain("corrupt file");
        (await Jobs.NodeAsync(jobId, "step_two")).GetProperty("status").GetString().ShouldBe("cancelled");
        (await Jobs.NodeAsync(jobId, "end")).GetProperty("status").GetString().ShouldBe("cancelled");

        (await worker.CompleteAsync(taskId, new { late = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Jobs.GetAsync(jobId)).GetProperty("status").GetString().ShouldBe("failed");
        (await Jobs.EventsAsync(jobId)).ShouldContain(e => e.GetProperty("type").GetString() == "stale_result_ignored");
    }

    [Fact]
    public async Task FailTask_WhenRetryable_SchedulesRetryThatSweepDispatchesAsAttemptTwo()
    {
        var jobId = await Jobs.SubmitOkAsync("retry_test", new { failure_rate = 0.5 });
        var worker = new RawWorker(App);
        var first = await worker.ClaimOneAsync();
        first.GetProperty("task_id").GetString().ShouldEndWith(":flaky_step:1");

        await worker.FailAsync(first.GetProperty("task_id").GetString()!, "flaky", retryable: true);
        var node = await Jobs.NodeAsync(jobId, "flaky_step");
        node.GetProperty("status").GetString().ShouldBe("failed");
        node.GetProperty("next_attempt_at").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);

        var second = await worker.ClaimOneAsync(); // waits for the sweep to re-dispatch after the 1 s backoff
        second.GetProperty("task_id").GetString().ShouldEndWith(":flaky_step:2");
        second.GetProperty("attempt").GetInt32().ShouldBe(2);
        await worker.CompleteAsync(second.GetProperty("task_id").GetString()!, new { ok = true });
        (await Jobs.GetAsync(jobId)).GetProperty("status").GetString().ShouldBe("completed");
        var types = (await Jobs.EventsAsync(jobId)).Select(e => e.GetProperty("type").GetString()).ToList();
        types.ShouldContain("retry_scheduled");
    }

    [Fact]
    public async Task CompleteTask_WhenDuplicateOrEarlierAttempt_ChangesNothingAndIsRecorded()
    {
        var jobId = await Jobs.SubmitOkAsync("retry_test", new { });
        var worker = new RawWorker(App);
        var first = await worker.ClaimOneAsync();
        var firstId = first.GetProperty("task_id").GetString()!;
        await worker.FailAsync(firstId, "flaky", retryable: true);
        var second = await worker.ClaimOneAsync();
        var secondId = second.GetProperty("task_id").GetString()!;

        (await worker.CompleteAsync(firstId, new { from = "attempt 1" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Jobs.NodeAsync(jobId, "flaky_step")).GetProperty("status").GetString().ShouldBe("running");

        await worker.CompleteAsync(secondId, new { from = "attempt 2" });
        await worker.CompleteAsync(secondId, new { from = "duplicate" });

        var node = await Jobs.NodeAsync(jobId, "flaky_step");
        node.GetProperty("output").GetProperty("from").GetString().ShouldBe("attempt 2");
        var events = await Jobs.EventsAsync(jobId);
        events.Count(e => e.GetProperty("type").GetString() == "stale_result_ignored").ShouldBe(2);
        events.Count(e => e.GetProperty("type").GetString() == "node_completed" && e.GetProperty("node_id").GetString() == "flaky_step").ShouldBe(1);
    }

    [Fact]
    public async Task Heartbeat_WhenWorkerStops_LeaseLapsesAndAttemptIsRetried()
    {
        var jobId = await Jobs.SubmitOkAsync("echo_test", new { message = "lease" });
        var worker = new RawWorker(App);
        var first = await worker.ClaimOneAsync();
        var heartbeat = await (await worker.HeartbeatAsync(first.GetProperty("task_id").GetString()!, new { current = 1, total = 2, message = "half" })).ReadJsonAsync(200);
        heartbeat.GetProperty("cancel").GetBoolean().ShouldBeFalse();
        // 3 nodes: start done (1) + echo half done (0.5) → 50 %.
        (await Jobs.GetAsync(jobId)).GetProperty("progress").GetProperty("percent").GetDouble().ShouldBe(50);
        (await Jobs.NodeAsync(jobId, "echo_handler")).GetProperty("progress").GetProperty("message").GetString().ShouldBe("half");

        // No more heartbeats: after the lease (3 s here) the sweep fails the attempt as retryable.
        await Jobs.WaitForNodeAsync(jobId, "echo_handler", "failed", timeoutSeconds: 20);
        var node = await Jobs.NodeAsync(jobId, "echo_handler");
        node.GetProperty("error").GetString().ShouldBe("lease expired");
        (await Jobs.EventsAsync(jobId)).ShouldContain(e => e.GetProperty("type").GetString() == "node_timed_out");

        (await worker.HeartbeatAsync(first.GetProperty("task_id").GetString()!)).StatusCode.ShouldBe(HttpStatusCode.Gone);

        // echo_test backs off 5 s before attempt 2, which a healthy worker then completes.
        var second = await worker.ClaimAsync(waitSeconds: 15);
        second.Single().GetProperty("attempt").GetInt32().ShouldBe(2);
        await worker.CompleteAsync(second.Single().GetProperty("task_id").GetString()!, new { ok = true });
        (await Jobs.GetAsync(jobId)).GetProperty("status").GetString().ShouldBe("completed");
    }

    [Fact]
    public async Task Cancel_WhenTaskInFlight_HeartbeatAnswersCancelAndNodesAreCancelled()
    {
        var jobId = await Jobs.SubmitOkAsync("echo_test", new { message = "stop me" });
        var worker = new RawWorker(App);
        var task = await worker.ClaimOneAsync();

        var cancelled = await (await Client.PostAsync($"/api/v1/jobs/{jobId}/cancel", null, TestContext.Current.CancellationToken)).ReadJsonAsync(200);

        cancelled.GetProperty("status").GetString().ShouldBe("cancelled");
        (await Jobs.NodeAsync(jobId, "echo_handler")).GetProperty("status").GetString().ShouldBe("cancelled");
        var heartbeat = await (await worker.HeartbeatAsync(task.GetProperty("task_id").GetString()!)).ReadJsonAsync(200);
        heartbeat.GetProperty("cancel").GetBoolean().ShouldBeTrue();
        (await Client.PostAsync($"/api/v1/jobs/{jobId}/cancel", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Checkpoint_WhenSavedByFirstAttempt_IsHandedToTheNextAttempt()
    {
        await Jobs.SubmitOkAsync("checkpoint_test", new { message = "resume" });
        var worker = new RawWorker(App);
        var first = await worker.ClaimOneAsync();
        first.GetProperty("checkpoint").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var firstId = first.GetProperty("task_id").GetString()!;
        (await worker.CheckpointAsync(firstId, "step_3", new { next_step = 4 })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await worker.FailAsync(firstId, "worker crashed", retryable: true);
        var second = await worker.ClaimAsync(waitSeconds: 10); // checkpoint_test backs off 2 s

        var checkpoint = second.Single().GetProperty("checkpoint");
        checkpoint.GetProperty("phase").GetString().ShouldBe("step_3");
        checkpoint.GetProperty("state").GetProperty("next_step").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task Retry_WhenJobFailed_RerunsFailedNodeAndKeepsCompletedOutputs()
    {
        var jobId = await Jobs.SubmitOkAsync("data_pipeline_test", new { message = "again" });
        var worker = new RawWorker(App);
        var one = await worker.ClaimOneAsync();
        await worker.CompleteAsync(one.GetProperty("task_id").GetString()!, new { echoed_params = new { message = "again", extra_tag = "t" } });
        var two = await worker.ClaimOneAsync();
        await worker.FailAsync(two.GetProperty("task_id").GetString()!, "disk full", retryable: false);
        (await Jobs.GetAsync(jobId)).GetProperty("status").GetString().ShouldBe("failed");

        var retried = await (await Client.PostAsync($"/api/v1/jobs/{jobId}/retry", null, TestContext.Current.CancellationToken)).ReadJsonAsync(200);

        retried.GetProperty("status").GetString().ShouldBe("running");
        var again = await worker.ClaimOneAsync();
        again.GetProperty("node_id").GetString().ShouldBe("step_two");
        again.GetProperty("attempt").GetInt32().ShouldBe(1);
        again.GetProperty("task_id").GetString().ShouldBe($"{jobId}:step_two:2");
        again.GetProperty("params").GetProperty("from_upstream").GetString().ShouldBe("again");
        var stepOne = await Jobs.NodeAsync(jobId, "step_one");
        stepOne.GetProperty("status").GetString().ShouldBe("completed");
        stepOne.GetProperty("attempt").GetInt32().ShouldBe(1);

        (await worker.CompleteAsync(two.GetProperty("task_id").GetString()!, new { late = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await worker.CompleteAsync(again.GetProperty("task_id").GetString()!, new { ok = true });
        (await Jobs.GetAsync(jobId)).GetProperty("status").GetString().ShouldBe("completed");
        var action = (await Jobs.EventsAsync(jobId)).Single(e => e.GetProperty("type").GetString() == "operator_action");
        action.GetProperty("actor").GetString().ShouldBe("operator");
        action.GetProperty("data").GetProperty("action").GetString().ShouldBe("retry");
    }

    [Fact]
    public async Task Rerun_WhenFromNodeGiven_ResetsItAndDownstreamOnly()
    {
        var jobId = await Jobs.SubmitOkAsync("data_pipeline_test", new { message = "rerun" });
        var worker = new RawWorker(App);
        var one = await worker.ClaimOneAsync();
        await worker.CompleteAsync(one.GetProperty("task_id").GetString()!, new { echoed_params = new { message = "rerun", extra_tag = "t" } });
        await worker.ClaimOneAsync();
        await Client.PostAsync($"/api/v1/jobs/{jobId}/cancel", null, TestContext.Current.CancellationToken);

        var rerun = await Client.PostAsJsonAsync($"/api/v1/jobs/{jobId}/rerun", new { from_node = "step_one" }, TestContext.Current.CancellationToken);

        (await rerun.ReadJsonAsync(200)).GetProperty("status").GetString().ShouldBe("running");
        var first = await worker.ClaimOneAsync();
        first.GetProperty("node_id").GetString().ShouldBe("step_one");
        first.GetProperty("task_id").GetString().ShouldBe($"{jobId}:step_one:2");
        (await Jobs.NodeAsync(jobId, "step_two")).GetProperty("status").GetString().ShouldBe("pending");
        (await Client.PostAsJsonAsync($"/api/v1/jobs/{jobId}/rerun", new { from_node = "step_one" }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Rerun_WhenNodeUnknownOrJobRunning_IsRefused()
    {
        var jobId = await Jobs.SubmitOkAsync("echo_test", new { message = "x" });

        (await Client.PostAsync($"/api/v1/jobs/{jobId}/retry", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await Client.PostAsync($"/api/v1/jobs/{jobId}/cancel", null, TestContext.Current.CancellationToken);
        var problem = await (await Client.PostAsJsonAsync($"/api/v1/jobs/{jobId}/rerun", new { from_node = "nope" }, TestContext.Current.CancellationToken)).ReadProblemAsync(422);
        problem.GetProperty("errors").GetProperty("from_node")[0].GetString()!.ShouldContain("nope");
    }

    [Fact]
    public async Task WorkerCalls_WithoutOrWithWrongKey_Return401()
    {
        var anonymous = App.CreateClient();
        anonymous.DefaultRequestHeaders.Remove("X-Api-Key");
        (await anonymous.PostAsync("/api/v1/worker/tasks/claim", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var wrong = new RawWorker(App, key: "not-a-key");
        (await wrong.HeartbeatAsync("x")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
