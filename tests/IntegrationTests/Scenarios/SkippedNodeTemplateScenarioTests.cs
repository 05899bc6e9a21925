using System.Text.Json;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Scenarios;

/// <summary>start → route → done | skipped → consumer (any_of) → end: consumer's templates name the skipped node.</summary>
public sealed class SkippedNodeTemplateScenarioTests(DagMasterAppFixture app) : ScenarioTestBase(app)
{
    private const string Queue = "scn-tpl-skipped";

    private const string WholeExpressions = """
        workflow_id: scn_tpl_skipped
        name: Templates over a skipped node
        version: 1
        nodes:
          start: {type: start, next: route}
          route:
            type: conditional
            condition: "{{ 1 == 1 }}"
            branches: {true: done, false: skipped}
          done: {handler: echo, queue: scn-tpl-skipped, next: consumer}
          skipped: {handler: echo, queue: scn-tpl-skipped, next: consumer}
          consumer:
            handler: echo
            queue: scn-tpl-skipped
            depends_on: {any_of: [done, skipped]}
            params:
              with_default: "{{ nodes.skipped.output.v | default('fallback') }}"
              whole: "{{ nodes.skipped.output.v }}"
              whole_output: "{{ nodes.skipped.output }}"
              status: "{{ nodes.skipped.status }}"
            next: end
          end: {type: end}
        """;

    private const string MixedText = """
        workflow_id: scn_tpl_skipped_text
        name: Mixed text over a skipped node
        version: 1
        nodes:
          start: {type: start, next: route}
          route:
            type: conditional
            condition: "{{ 1 == 1 }}"
            branches: {true: done, false: skipped}
          done: {handler: echo, queue: scn-tpl-skipped, next: consumer}
          skipped: {handler: echo, queue: scn-tpl-skipped, next: consumer}
          consumer:
            handler: echo
            queue: scn-tpl-skipped
            depends_on: {any_of: [done, skipped]}
            retry: {max_attempts: 3, backoff: fixed, initial_delay_seconds: 0}
            params:
              label: "x-{{ nodes.skipped.output.v }}"
            next: after
          after: {handler: echo, queue: scn-tpl-skipped, next: end}
          end: {type: end}
        """;

    [Fact]
    public async Task Template_WhenSkippedNodeIsReadWithDefault_TaskReceivesTheFallback()
    {
        var consumer = await ClaimConsumerAsync();

        consumer.GetProperty("params").GetProperty("with_default").GetString().ShouldBe("fallback");
        consumer.GetProperty("params").GetProperty("status").GetString().ShouldBe("skipped");
    }

    [Fact]
    public async Task Template_WhenSkippedNodeIsAWholeExpressionWithoutDefault_TaskReceivesNull()
    {
        var consumer = await ClaimConsumerAsync();

        var parameters = consumer.GetProperty("params");
        parameters.TryGetProperty("whole", out var whole).ShouldBeTrue("the parameter is present, with a null value");
        whole.ValueKind.ShouldBe(JsonValueKind.Null);
        parameters.GetProperty("whole_output").ValueKind.ShouldBe(JsonValueKind.Null);
        var stored = (await NodesByIdAsync(consumer.GetProperty("job_id").GetGuid()))["consumer"].GetProperty("params");
        stored.GetProperty("whole").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Template_WhenSkippedNodeIsUsedInMixedText_NodeFailsWithoutRetryAndTheJobFails()
    {
        await RegisterWorkflowAsync(MixedText);
        var jobId = await SubmitAsync("scn_tpl_skipped_text");
        var done = await ClaimNodeAsync(Queue, "done");

        await CompleteAsync(done, new { v = "from done" });

        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("status").GetString().ShouldBe("failed");
        job.GetProperty("failed_node_id").GetString().ShouldBe("consumer");
        job.GetProperty("error").GetString()!.ShouldContain("nodes.skipped.output.v");
        var consumer = (await NodesByIdAsync(jobId))["consumer"];
        consumer.GetProperty("status").GetString().ShouldBe("failed");
        consumer.GetProperty("error").GetString()!.ShouldContain("nodes.skipped.output.v"); // the missing path
        consumer.GetProperty("error").GetString()!.ShouldContain("x-{{ nodes.skipped.output.v }}"); // the template
        consumer.GetProperty("attempt").GetInt32().ShouldBeLessThanOrEqualTo(1, "a template error is not retried");
        consumer.GetProperty("next_attempt_at").ValueKind.ShouldBe(JsonValueKind.Null);
        await StatusesShouldBeAsync(jobId, "start=completed route=completed done=completed skipped=skipped consumer=failed after=cancelled end=cancelled");
        (await ClaimAsync(Queue, waitSeconds: 0.5)).ShouldBeEmpty(); // no attempt was sent, and none will be
        var events = await Jobs.EventsAsync(jobId);
        OfType(events, "retry_scheduled").ShouldBeEmpty();
        OfType(events, "node_dispatched", "consumer").ShouldBeEmpty();
        var failed = OfType(events, "node_failed", "consumer").Single().GetProperty("data");
        failed.GetProperty("retryable").GetBoolean().ShouldBeFalse();
        failed.GetProperty("error").GetString()!.ShouldContain("nodes.skipped.output.v");
        OfType(events, "job_failed").Count.ShouldBe(1);
    }

    /// <summary>Runs the whole-expression workflow up to the consumer's task and claims it.</summary>
    private async Task<JsonElement> ClaimConsumerAsync()
    {
        await RegisterWorkflowAsync(WholeExpressions);
        var jobId = await SubmitAsync("scn_tpl_skipped");
        var done = await ClaimNodeAsync(Queue, "done");
        (await NodesByIdAsync(jobId))["skipped"].GetProperty("status").GetString().ShouldBe("skipped");
        await CompleteAsync(done, new { v = "from done" });
        return await ClaimNodeAsync(Queue, "consumer");
    }
}
