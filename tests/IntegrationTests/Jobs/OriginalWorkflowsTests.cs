using System.Diagnostics;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Jobs;

/// <summary>The original workflow files, unchanged, run by the real worker host with the built-in handlers.</summary>
public sealed class OriginalWorkflowsTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private JobsApi Jobs => new(Client);

    [Fact]
    public async Task EchoTest_WhenRunByWorkerHost_CompletesWithEchoedParams()
    {
        await using var worker = await InProcessWorker.StartAsync(App);

        var jobId = await Jobs.SubmitOkAsync("echo_test", new { message = "hello", count = 2 });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed");

        var output = job.GetProperty("result").GetProperty("echo_handler");
        output.GetProperty("echoed_params").GetProperty("message").GetString().ShouldBe("hello");
        output.GetProperty("echoed_params").GetProperty("count").GetInt64().ShouldBe(2);
        output.GetProperty("handler").GetString().ShouldBe("echo");
        output.GetProperty("task_id").GetString().ShouldBe($"{jobId}:echo_handler:1");
    }

    [Fact]
    public async Task HelloWorld_WhenRunByWorkerHost_GreetsWithTheDefaultMessage()
    {
        await using var worker = await InProcessWorker.StartAsync(App);

        var jobId = await Jobs.SubmitOkAsync("hello_world", new { });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed");

        job.GetProperty("result").GetProperty("hello").GetProperty("message").GetString().ShouldBe("Hello, Hello from DAG!!");
        (await Jobs.NodeAsync(jobId, "hello")).GetProperty("attempt").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task DataPipelineTest_WhenRunByWorkerHost_PassesStepOneOutputToStepTwo()
    {
        await using var worker = await InProcessWorker.StartAsync(App);

        var jobId = await Jobs.SubmitOkAsync("data_pipeline_test", new { message = "hello world", extra_tag = "tier1" });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed");

        var echoed = job.GetProperty("result").GetProperty("step_two").GetProperty("echoed_params");
        echoed.GetProperty("from_upstream").GetString().ShouldBe("hello world");
        echoed.GetProperty("tag_check").GetString().ShouldBe("tier1");
        echoed.GetProperty("original_input").GetString().ShouldBe("hello world");
    }

    [Fact]
    public async Task RetryTest_WhenTwoAttemptsFail_ThirdAttemptCompletesAfterFixedBackoff()
    {
        // failure_rate 0.5: draws below it fail. Attempts 1 and 2 fail, attempt 3 succeeds.
        await using var worker = await InProcessWorker.StartAsync(App, randomDraws: [0.1, 0.2, 0.9]);

        var jobId = await Jobs.SubmitOkAsync("retry_test", new { failure_rate = 0.5 });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 30);

        var node = await Jobs.NodeAsync(jobId, "flaky_step");
        node.GetProperty("attempt").GetInt32().ShouldBe(3);
        node.GetProperty("task_id").GetString().ShouldBe($"{jobId}:flaky_step:3");
        job.GetProperty("result").GetProperty("flaky_step").GetProperty("handler").GetString().ShouldBe("flaky_echo");
        var events = await Jobs.EventsAsync(jobId);
        events.Count(e => e.GetProperty("type").GetString() == "node_failed").ShouldBe(2);
        var retries = events.Where(e => e.GetProperty("type").GetString() == "retry_scheduled").ToList();
        retries.Count.ShouldBe(2);
        retries.ShouldAllBe(r => r.GetProperty("data").GetProperty("delay_seconds").GetDouble() >= 1.0 && r.GetProperty("data").GetProperty("delay_seconds").GetDouble() <= 1.1);
    }

    [Fact]
    public async Task RetryTest_WhenEveryAttemptFails_JobFailsAfterFiveAttempts()
    {
        await using var worker = await InProcessWorker.StartAsync(App, randomDraws: [0.0, 0.0, 0.0, 0.0, 0.0]);

        var jobId = await Jobs.SubmitOkAsync("retry_test", new { failure_rate = 0.5 });
        var job = await Jobs.WaitForStatusAsync(jobId, "failed", timeoutSeconds: 40);

        job.GetProperty("failed_node_id").GetString().ShouldBe("flaky_step");
        job.GetProperty("error").GetString()!.ShouldContain("after 5 attempt(s)");
        (await Jobs.NodeAsync(jobId, "flaky_step")).GetProperty("attempt").GetInt32().ShouldBe(5);
        (await Jobs.NodeAsync(jobId, "end")).GetProperty("status").GetString().ShouldBe("cancelled");
    }

    [Fact]
    public async Task CheckpointTest_WhenRunByWorkerHost_RunsEveryStepAndSavesCheckpoints()
    {
        await using var worker = await InProcessWorker.StartAsync(App);

        var jobId = await Jobs.SubmitOkAsync("checkpoint_test", new { message = "steps", steps = 3, step_delay = 0 });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed");

        var output = job.GetProperty("result").GetProperty("multi_step_echo");
        output.GetProperty("completed_steps").EnumerateArray().Select(s => s.GetString()).ShouldBe(["step_1", "step_2", "step_3"]);
        output.GetProperty("resumed_from").GetInt32().ShouldBe(1);
        var checkpoint = (await Jobs.NodeAsync(jobId, "multi_step_echo")).GetProperty("checkpoint");
        checkpoint.GetProperty("phase").GetString().ShouldBe("step_2");
    }

    [Fact]
    public async Task EchoTest_WhenRunByStandaloneWorkerProcess_Completes()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "DagMaster.Worker.dll"))
        {
            Environment =
            {
                ["DAGMASTER_URL"] = App.ServerAddress.ToString(),
                ["WORKER_KEY"] = TestHostSettings.WorkerKey,
                ["WORKER_ID"] = "standalone-process",
                ["WORKER_QUEUES"] = "dag-worker-tasks",
                ["WORKER_CLAIM_WAIT_SECONDS"] = "2",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            var jobId = await Jobs.SubmitOkAsync("echo_test", new { message = "from another process" });
            var job = await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 30);

            job.GetProperty("result").GetProperty("echo_handler").GetProperty("echoed_params").GetProperty("message").GetString().ShouldBe("from another process");
            (await Jobs.EventsAsync(jobId)).ShouldContain(e => e.GetProperty("type").GetString() == "node_started"
                && e.GetProperty("data").GetProperty("worker_id").GetString() == "standalone-process");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }
}
