using System.Text.Json;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Scenarios;

/// <summary>start → work → after → end, with the retry policy under test on work.</summary>
public sealed class RetryScenarioTests(DagMasterAppFixture app) : ScenarioTestBase(app)
{
    private const string Queue = "scn-retry";

    private static string Workflow(string workflowId, string retry) => $$$"""
        workflow_id: {{{workflowId}}}
        name: Retry policy
        version: 1
        nodes:
          start: {type: start, next: work}
          work:
            handler: echo
            queue: scn-retry
            retry: {{{retry}}}
            next: after
          after: {handler: echo, queue: scn-retry, next: end}
          end: {type: end}
        """;

    [Theory]
    [InlineData("fixed", 1.0, 1.0)]
    [InlineData("linear", 1.0, 2.0)]
    [InlineData("exponential", 1.0, 2.0)]
    public async Task RetryableFailure_WhenBackoffIsConfigured_SchedulesRetriesAtTheFormulaDelaysPlusJitter(string backoff, double firstDelay, double secondDelay)
    {
        var workflowId = $"scn_backoff_{backoff}";
        await RegisterWorkflowAsync(Workflow(workflowId, $"{{max_attempts: 3, backoff: {backoff}, initial_delay_seconds: 1}}"));
        var jobId = await SubmitAsync(workflowId);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var task = await ClaimNodeAsync(Queue, "work");
            task.GetProperty("attempt").GetInt32().ShouldBe(attempt);
            task.GetProperty("max_attempts").GetInt32().ShouldBe(3);
            TaskIdOf(task).ShouldBe($"{jobId}:work:{attempt}");
            await FailAsync(task, $"boom {attempt}", retryable: true);
        }

        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("status").GetString().ShouldBe("failed");
        job.GetProperty("failed_node_id").GetString().ShouldBe("work");
        job.GetProperty("error").GetString()!.ShouldContain("boom 3");
        var work = (await NodesByIdAsync(jobId))["work"];
        work.GetProperty("attempt").GetInt32().ShouldBe(3);
        work.GetProperty("status").GetString().ShouldBe("failed");
        var events = await Jobs.EventsAsync(jobId);
        var retries = OfType(events, "retry_scheduled", "work");
        retries.Count.ShouldBe(2, "max_attempts counts every attempt: two retries after the first one");
        double[] expected = [firstDelay, secondDelay];
        for (var i = 0; i < 2; i++)
        {
            var data = retries[i].GetProperty("data");
            data.GetProperty("attempt").GetInt32().ShouldBe(i + 2);
            var delay = data.GetProperty("delay_seconds").GetDouble();
            delay.ShouldBeInRange(expected[i] - 0.001, (expected[i] * 1.1) + 0.001, $"retry {i + 1} of {backoff}");
            var scheduledGap = (data.GetProperty("at").GetDateTimeOffset() - retries[i].GetProperty("occurred_at").GetDateTimeOffset()).TotalSeconds;
            scheduledGap.ShouldBe(delay, 0.01, "the retry is scheduled delay_seconds after the failure");
        }

        var dispatches = OfType(events, "node_dispatched", "work").Select(e => e.GetProperty("occurred_at").GetDateTimeOffset()).ToList();
        var failures = OfType(events, "node_failed", "work").Select(e => e.GetProperty("occurred_at").GetDateTimeOffset()).ToList();
        dispatches.Count.ShouldBe(3);
        for (var i = 0; i < 2; i++)
        {
            (dispatches[i + 1] - failures[i]).TotalSeconds.ShouldBeGreaterThanOrEqualTo(expected[i] - 0.001, "no attempt before its backoff");
        }
    }

    [Fact]
    public async Task NonRetryableFailure_WhenAttemptsRemain_FailsTheJobAtOnceOnTheFirstAttempt()
    {
        await RegisterWorkflowAsync(Workflow("scn_non_retryable", "{max_attempts: 3, backoff: fixed, initial_delay_seconds: 1}"));
        var jobId = await SubmitAsync("scn_non_retryable");
        var task = await ClaimNodeAsync(Queue, "work");

        await FailAsync(task, "corrupt input file", retryable: false);

        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("status").GetString().ShouldBe("failed");
        job.GetProperty("failed_node_id").GetString().ShouldBe("work");
        job.GetProperty("error").GetString()!.ShouldContain("corrupt input file");
        var work = (await NodesByIdAsync(jobId))["work"];
        work.GetProperty("attempt").GetInt32().ShouldBe(1);
        work.GetProperty("error").GetString().ShouldBe("corrupt input file");
        work.GetProperty("next_attempt_at").ValueKind.ShouldBe(JsonValueKind.Null);
        await StatusesShouldBeAsync(jobId, "start=completed work=failed after=cancelled end=cancelled");
        var events = await Jobs.EventsAsync(jobId);
        OfType(events, "retry_scheduled").ShouldBeEmpty();
        var failed = OfType(events, "node_failed", "work").Single().GetProperty("data");
        failed.GetProperty("retryable").GetBoolean().ShouldBeFalse();
        failed.GetProperty("attempt").GetInt32().ShouldBe(1);
        OfType(events, "job_failed").Count.ShouldBe(1);
        (await ClaimAsync(Queue, waitSeconds: 1.5)).ShouldBeEmpty(); // past the 1 s backoff: still no second attempt
    }

    [Fact]
    public async Task Checkpoint_WhenFirstAttemptSavesOneAndFails_SecondAttemptReceivesTheLatestCheckpoint()
    {
        await RegisterWorkflowAsync(Workflow("scn_checkpoint", "{max_attempts: 3, backoff: fixed, initial_delay_seconds: 1}"));
        var jobId = await SubmitAsync("scn_checkpoint");
        var first = await ClaimNodeAsync(Queue, "work");
        first.GetProperty("checkpoint").ValueKind.ShouldBe(JsonValueKind.Null);
        (await Worker.CheckpointAsync(TaskIdOf(first), "tiles", new { next_tile = 2, done = new[] { 0, 1 } })).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        (await Worker.CheckpointAsync(TaskIdOf(first), "tiles", new { next_tile = 3, done = new[] { 0, 1, 2 } })).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        var stored = (await NodesByIdAsync(jobId))["work"].GetProperty("checkpoint");
        stored.GetProperty("state").GetProperty("next_tile").GetInt32().ShouldBe(3);

        await FailAsync(first, "worker lost its disk", retryable: true);
        var second = await ClaimNodeAsync(Queue, "work");

        second.GetProperty("attempt").GetInt32().ShouldBe(2);
        var checkpoint = second.GetProperty("checkpoint");
        checkpoint.GetProperty("phase").GetString().ShouldBe("tiles");
        checkpoint.GetProperty("state").GetProperty("next_tile").GetInt32().ShouldBe(3);
        checkpoint.GetProperty("state").GetProperty("done").EnumerateArray().Select(d => d.GetInt32()).ShouldBe([0, 1, 2]);
        checkpoint.GetProperty("saved_at").ValueKind.ShouldBe(JsonValueKind.String);
        await CompleteAsync(second, new { resumed_from = 3 });
        var after = await ClaimNodeAsync(Queue, "after");
        await CompleteAsync(after, new { ok = true });
        (await Jobs.GetAsync(jobId)).GetProperty("status").GetString().ShouldBe("completed");
        var events = await Jobs.EventsAsync(jobId);
        OfType(events, "retry_scheduled", "work").Count.ShouldBe(1);
        OfType(events, "node_completed", "work").Single().GetProperty("data").GetProperty("attempt").GetInt32().ShouldBe(2);
    }
}
