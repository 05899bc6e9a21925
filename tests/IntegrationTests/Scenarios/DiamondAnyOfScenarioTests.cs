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
            params: {from_left: "{{ nodes.left.output.v }}", right_status: "{{ nodes.right.status }}"}
            next: end
          end: {type: end}
        """;

    [Fact]
    public async Task AnyOfJoin_WhenUntakenBranchIsSkipped_FiresOnlyAfterTheTakenBranchCompletes()
    {
        await RegisterWorkflowAsync(Workflow);
        var jobId = await SubmitAsync("scn_diamond_any_of", new { side = "left" });

        var left = await ClaimNodeAsync(Queue, "left");
        var statuses = await NodeStatusesAsync(jobId);
        statuses["route"].ShouldBe("completed");
        statuses["right"].ShouldBe("skipped");
        statuses["join"].ShouldBe("pending"); // the skipped right branch alone must not fire the any_of join
        (await ClaimAsync(Queue)).ShouldBeEmpty();
        var route = (await NodesByIdAsync(jobId))["route"].GetProperty("output");
        route.GetProperty("taken_branch").GetString().ShouldBe("left");
        route.GetProperty("value").GetString().ShouldBe("left");

        await CompleteAsync(left, new { v = "L" });
        var join = await ClaimNodeAsync(Queue, "join");
        join.GetProperty("params").GetProperty("from_left").GetString().ShouldBe("L");
        join.GetProperty("params").GetProperty("right_status").GetString().ShouldBe("skipped");
        await CompleteAsync(join, new { joined = true });

        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("status").GetString().ShouldBe("completed");
        job.GetProperty("result").GetProperty("join").GetProperty("joined").GetBoolean().ShouldBeTrue();
        await StatusesShouldBeAsync(jobId, "start=completed route=completed left=completed right=skipped join=completed end=completed");

        var events = await Jobs.EventsAsync(jobId);
        OfType(events, "node_skipped", "right").Count.ShouldBe(1);
        OfType(events, "node_dispatched", "right").ShouldBeEmpty();
        OfType(events, "node_ready", "join").Count.ShouldBe(1);
        OfType(events, "node_dispatched", "join").Count.ShouldBe(1);
        var leftCompleted = OfType(events, "node_completed", "left").Single().GetProperty("id").GetInt64();
        OfType(events, "node_ready", "join").Single().GetProperty("id").GetInt64().ShouldBeGreaterThan(leftCompleted);
    }
}
