using System.Text.Json;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Scenarios;

/// <summary>
/// probe → num_route (&lt; 100 | &lt;= 100 | &gt;= 500 | default) and probe → tag_route (in | not in | default),
/// all in the shorthand form with an implicit <c>value</c> on the left.
/// Every branch target is an end node, so the taken one completes and the others are skipped.
/// </summary>
public sealed class ConditionScenarioTests(DagMasterAppFixture app) : ScenarioTestBase(app)
{
    private const string Queue = "scn-conditions";

    private const string Workflow = """
        workflow_id: scn_conditions
        name: Conditional operators
        version: 1
        nodes:
          start: {type: start, next: probe}
          probe: {handler: echo, queue: scn-conditions, next: [num_route, tag_route]}
          num_route:
            type: conditional
            condition_field: "{{ nodes.probe.output.n }}"
            branches:
              - name: lt
                condition: "< 100"
                next: num_lt
              - name: le
                condition: "<= 100"
                next: num_le
              - name: ge
                condition: ">= 500"
                next: num_ge
              - default: true
                next: num_other
          tag_route:
            type: conditional
            condition_field: "{{ nodes.probe.output.tag }}"
            branches:
              - name: listed
                condition: "in ['dem', 'nir']"
                next: tag_in
              - name: unlisted
                condition: "not in ['rgb', 'cmyk']"
                next: tag_not_in
              - default: true
                next: tag_other
          num_lt: {type: end}
          num_le: {type: end}
          num_ge: {type: end}
          num_other: {type: end}
          tag_in: {type: end}
          tag_not_in: {type: end}
          tag_other: {type: end}
        """;

    private static readonly string[] s_numberTargets = ["num_lt", "num_le", "num_ge", "num_other"];
    private static readonly string[] s_tagTargets = ["tag_in", "tag_not_in", "tag_other"];

    [Theory]
    [InlineData(50, "dem", "num_lt", "tag_in")]
    [InlineData(100, "nir", "num_le", "tag_in")] // value == limit: "< 100" is false, "<= 100" is true
    [InlineData(500, "pan", "num_ge", "tag_not_in")] // value == limit of ">= 500"
    [InlineData(499, "rgb", "num_other", "tag_other")] // just below ">= 500"; "rgb" is excluded by not in
    public async Task Route_WhenValueMatchesABranch_TakesTheFirstTrueBranchAndSkipsTheOthers(int n, string tag, string numTarget, string tagTarget)
    {
        var jobId = await RunAsync(new { n, tag });

        var nodes = await NodesByIdAsync(jobId);
        AssertTaken(nodes, s_numberTargets, numTarget);
        AssertTaken(nodes, s_tagTargets, tagTarget);
        var numRoute = nodes["num_route"].GetProperty("output");
        numRoute.GetProperty("taken_branch").GetString().ShouldBe(numTarget);
        numRoute.GetProperty("value").GetInt32().ShouldBe(n);
        nodes["tag_route"].GetProperty("output").GetProperty("taken_branch").GetString().ShouldBe(tagTarget);
        nodes["tag_route"].GetProperty("output").GetProperty("value").GetString().ShouldBe(tag);
        var events = await Jobs.EventsAsync(jobId);
        OfType(events, "condition_warning").ShouldBeEmpty();
        OfType(events, "node_completed", "num_route").Single().GetProperty("data").GetProperty("taken_branch").GetString().ShouldBe(numTarget);
        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("result").GetProperty("num_route").GetProperty("taken_branch").GetString().ShouldBe(numTarget);
    }

    [Fact]
    public async Task Route_WhenStringIsComparedWithNumber_BranchIsFalseWarningIsRecordedAndDefaultIsTaken()
    {
        var jobId = await RunAsync(new { n = "50", tag = "dem" });

        var nodes = await NodesByIdAsync(jobId);
        AssertTaken(nodes, s_numberTargets, "num_other");
        AssertTaken(nodes, s_tagTargets, "tag_in");
        var output = nodes["num_route"].GetProperty("output");
        output.GetProperty("taken_branch").GetString().ShouldBe("num_other");
        output.GetProperty("value").GetString().ShouldBe("50"); // the value keeps its type: no silent coercion
        var warnings = OfType(await Jobs.EventsAsync(jobId), "condition_warning");
        warnings.ShouldNotBeEmpty();
        warnings.ShouldAllBe(w => w.GetProperty("node_id").GetString() == "num_route");
        warnings.Select(w => w.GetProperty("data").GetProperty("branch").GetString()).ShouldContain("lt");
    }

    private async Task<Guid> RunAsync(object probeOutput)
    {
        await RegisterWorkflowAsync(Workflow);
        var jobId = await SubmitAsync("scn_conditions");
        var probe = await ClaimNodeAsync(Queue, "probe");
        await CompleteAsync(probe, probeOutput);
        (await Jobs.GetAsync(jobId)).GetProperty("status").GetString().ShouldBe("completed");
        return jobId;
    }

    private static void AssertTaken(Dictionary<string, JsonElement> nodes, string[] targets, string taken)
    {
        foreach (var target in targets)
        {
            nodes[target].GetProperty("status").GetString().ShouldBe(target == taken ? "completed" : "skipped", $"node {target}");
        }
    }
}
