using System.Text.Json;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Scenarios;

/// <summary>A workflow with a whole-job deadline of 2 s whose first task never finishes.</summary>
public sealed class JobDeadlineScenarioTests(DagMasterAppFixture app) : ScenarioTestBase(app)
{
    private const string Queue = "scn-deadline";

    private const string Workflow = """
        workflow_id: scn_job_deadline
        name: Whole-job deadline
        version: 1
        timeout_seconds: 2
        nodes:
          start: {type: start, next: stuck}
          stuck: {handler: echo, queue: scn-deadline, timeout_seconds: 60, next: after}
          after: {handler: echo, queue: scn-deadline, next: end}
          end: {type: end}
        """;

    [Fact]
    public async Task Job_WhenItsDeadlinePassesWhileATaskRuns_FailsWithJobTimedOutAndCancelsTheNode()
    {
        await RegisterWorkflowAsync(Workflow);
        var jobId = await SubmitAsync("scn_job_deadline");
        var submitted = await Jobs.GetAsync(jobId);
        var deadline = submitted.GetProperty("deadline").GetDateTimeOffset();
        (deadline - submitted.GetProperty("created_at").GetDateTimeOffset()).TotalSeconds.ShouldBe(2, 0.01);
        var stuck = await ClaimNodeAsync(Queue, "stuck");
        (await (await Worker.HeartbeatAsync(TaskIdOf(stuck))).ReadJsonAsync(200)).GetProperty("cancel").GetBoolean().ShouldBeFalse();

        var job = await Jobs.WaitForStatusAsync(jobId, "failed", timeoutSeconds: 10);

        job.GetProperty("error").GetString().ShouldBe("job timed out");
        job.GetProperty("failed_node_id").ValueKind.ShouldBe(JsonValueKind.Null);
        job.GetProperty("completed_at").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(deadline);
        await StatusesShouldBeAsync(jobId, "start=completed stuck=cancelled after=cancelled end=cancelled");
        (await (await Worker.HeartbeatAsync(TaskIdOf(stuck))).ReadJsonAsync(200)).GetProperty("cancel").GetBoolean().ShouldBeTrue();
        var events = await Jobs.EventsAsync(jobId);
        OfType(events, "job_failed").Single().GetProperty("data").GetProperty("error").GetString().ShouldBe("job timed out");
        OfType(events, "node_cancelled", "stuck").Count.ShouldBe(1);
        OfType(events, "node_failed").ShouldBeEmpty();
        OfType(events, "retry_scheduled").ShouldBeEmpty();
    }

    [Fact]
    public async Task Job_WhenItsDeadlinePassesBeforeAnyWorkerClaims_FailsAndWithdrawsTheQueuedTask()
    {
        await RegisterWorkflowAsync(Workflow);
        var jobId = await SubmitAsync("scn_job_deadline");
        (await NodesByIdAsync(jobId))["stuck"].GetProperty("status").GetString().ShouldBe("dispatched");

        var job = await Jobs.WaitForStatusAsync(jobId, "failed", timeoutSeconds: 10);

        job.GetProperty("error").GetString().ShouldBe("job timed out");
        await StatusesShouldBeAsync(jobId, "start=completed stuck=cancelled after=cancelled end=cancelled");
        (await ClaimAsync(Queue)).ShouldBeEmpty(); // the task of a finished job is never handed out
        OfType(await Jobs.EventsAsync(jobId), "node_cancelled", "stuck").Count.ShouldBe(1);
    }
}
