using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Scenarios;

/// <summary>start → route → left | right → join (any_of) → end.</summary>
public sealed class DiamondAnyOfScenarioTests(DagMasterAppFixture app) : ScenarioTestBase(app)
{
    private const string Queue = "scn-diamond";

    private const string Workflow = """
        workflow_id: scn_diamond_any_of
        name: Diamond with an any_of join
        version: 1
        inputs:
          side: {type: string, required: true}
        nodes:
          start: {type: start, next: route}
          route:
            type: conditional
            condition_field: "{{ inputs.side }}"
            branches:
              - name: go_left
                condition: "value == 'left'"
                next: left
              - default: true
                next: right
          left: {handler: echo, queue: scn-diamond, params: {side: left}, next: join}
          right: {handler: echo, queue: scn-diamond, params: {side: right}, next: join}
          join:
            handler: echo
            queue: scn-diamond
            depends_on: {any_of: [left, right]}
            params:
              from_left: "{{ nodes.left.output.v | default('none') }}"
              from_right: "{{ nodes.right.output.v | default('none') }}"
              left_status: "{{ nodes.left.status }}"
              right_status: "{{ nodes.right.status }}"
            next: end
          end: {type: end}
        """;

    [Theory]
    [InlineData("left", "right")] // the first branch is taken
    [InlineData("right", "left")] // the default is taken
    public async Task AnyOfJoin_WhenUntakenBranchIsSkipped_FiresOnlyAfterTheTakenBranchCompletes(string taken, string untaken)
    {
        await RegisterWorkflowAsync(Workflow);
        var jobId = await SubmitAsync("scn_diamond_any_of", new { side = taken });

        var branch = await ClaimNodeAsync(Queue, taken);
        var statuses = await NodeStatusesAsync(jobId);
        statuses["route"].ShouldBe("completed");
        statuses[untaken].ShouldBe("skipped");
        statuses["join"].ShouldBe("pending"); // the skipped branch alone must not fire the any_of join
        (await ClaimAsync(Queue)).ShouldBeEmpty();
        var route = (await NodesByIdAsync(jobId))["route"].GetProperty("output");
        route.GetProperty("taken_branch").GetString().ShouldBe(taken);
        route.GetProperty("value").GetString().ShouldBe(taken);

        await CompleteAsync(branch, new { v = taken.ToUpperInvariant() });
        var join = await ClaimNodeAsync(Queue, "join");
        var parameters = join.GetProperty("params");
        parameters.GetProperty($"from_{taken}").GetString().ShouldBe(taken.ToUpperInvariant());
        parameters.GetProperty($"from_{untaken}").GetString().ShouldBe("none");
        parameters.GetProperty($"{taken}_status").GetString().ShouldBe("completed");
        parameters.GetProperty($"{untaken}_status").GetString().ShouldBe("skipped");
        await CompleteAsync(join, new { joined = true });

        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("status").GetString().ShouldBe("completed");
        job.GetProperty("result").GetProperty("join").GetProperty("joined").GetBoolean().ShouldBeTrue();
        await StatusesShouldBeAsync(jobId, $"start=completed route=completed {taken}=completed {untaken}=skipped join=completed end=completed");

        var events = await Jobs.EventsAsync(jobId);
        OfType(events, "node_skipped", untaken).Count.ShouldBe(1);
        OfType(events, "node_dispatched", untaken).ShouldBeEmpty();
        OfType(events, "node_ready", "join").Count.ShouldBe(1);
        OfType(events, "node_dispatched", "join").Count.ShouldBe(1);
        var branchCompleted = OfType(events, "node_completed", taken).Single().GetProperty("id").GetInt64();
        OfType(events, "node_ready", "join").Single().GetProperty("id").GetInt64().ShouldBeGreaterThan(branchCompleted);
    }
}
