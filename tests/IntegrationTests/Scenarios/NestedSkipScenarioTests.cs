using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Scenarios;

/// <summary>start → route (boolean form) → taken | skipped_1 → skipped_2 → skipped_3; both paths reach end.</summary>
public sealed class NestedSkipScenarioTests(DagMasterAppFixture app) : ScenarioTestBase(app)
{
    private const string Queue = "scn-nested-skip";

    private const string Workflow = """
        workflow_id: scn_nested_skip
        name: Skipping propagates down a chain
        version: 1
        inputs:
          go_left: {type: boolean, required: true}
        nodes:
          start: {type: start, next: route}
          route:
            type: conditional
            condition: "{{ inputs.go_left }}"
            branches: {true: taken, false: skipped_1}
          taken: {handler: echo, queue: scn-nested-skip, next: end}
          skipped_1: {handler: echo, queue: scn-nested-skip, next: skipped_2}
          skipped_2: {handler: echo, queue: scn-nested-skip, next: skipped_3}
          skipped_3: {handler: echo, queue: scn-nested-skip, next: end}
          end: {type: end}
        """;

    [Fact]
    public async Task SkippedBranch_WhenItHasADownstreamChain_SkipsTheWholeChainAndEndCompletesThroughTheTakenPath()
    {
        await RegisterWorkflowAsync(Workflow);
        var jobId = await SubmitAsync("scn_nested_skip", new { go_left = true });

        var taken = await ClaimNodeAsync(Queue, "taken");
        await StatusesShouldBeAsync(jobId, "start=completed route=completed taken=running skipped_1=skipped skipped_2=skipped skipped_3=skipped end=pending");
        (await ClaimAsync(Queue)).ShouldBeEmpty();

        await CompleteAsync(taken, new { ok = 1 });

        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("status").GetString().ShouldBe("completed");
        job.GetProperty("result").GetProperty("taken").GetProperty("ok").GetInt32().ShouldBe(1);
        job.GetProperty("result").TryGetProperty("skipped_3", out _).ShouldBeFalse();
        await StatusesShouldBeAsync(jobId, "start=completed route=completed taken=completed skipped_1=skipped skipped_2=skipped skipped_3=skipped end=completed");
        var route = (await NodesByIdAsync(jobId))["route"].GetProperty("output");
        route.GetProperty("taken_branch").GetString().ShouldBe("taken");
        route.GetProperty("value").GetBoolean().ShouldBeTrue();
        var events = await Jobs.EventsAsync(jobId);
        foreach (var skipped in new[] { "skipped_1", "skipped_2", "skipped_3" })
        {
            OfType(events, "node_skipped", skipped).Count.ShouldBe(1, skipped);
            OfType(events, "node_ready", skipped).ShouldBeEmpty(skipped);
            OfType(events, "node_dispatched", skipped).ShouldBeEmpty(skipped);
        }

        OfType(events, "node_completed", "end").Count.ShouldBe(1);
        OfType(events, "job_completed").Count.ShouldBe(1);
    }
}
