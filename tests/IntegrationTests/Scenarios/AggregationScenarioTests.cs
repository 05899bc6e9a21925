using System.Text.Json;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Scenarios;

/// <summary>One fan-out of three children feeding four fan-ins, one per aggregation; children finish in reverse order.</summary>
public sealed class AggregationScenarioTests(DagMasterAppFixture app) : ScenarioTestBase(app)
{
    private const string Queue = "scn-aggregations";

    private const string Workflow = """
        workflow_id: scn_aggregations
        name: The fan-in aggregations
        version: 1
        inputs:
          things: {type: array, required: true}
        nodes:
          start: {type: start, next: split}
          split:
            type: fan_out
            source: "{{ inputs.things }}"
            task: {handler: echo, queue: scn-aggregations, params: {i: "{{ index }}"}}
            next: [by_concat, by_sum, by_first, by_last]
          by_concat: {type: fan_in, aggregation: concat, next: end}
          by_sum: {type: fan_in, aggregation: sum, next: end}
          by_first: {type: fan_in, aggregation: first, next: end}
          by_last: {type: fan_in, aggregation: last, next: end}
          end: {type: end}
        """;

    [Fact]
    public async Task FanIn_WhenChildrenFinishOutOfOrder_AggregatesConcatSumFirstAndLastInIndexOrder()
    {
        await RegisterWorkflowAsync(Workflow);
        var jobId = await SubmitAsync("scn_aggregations", new { things = new[] { "x", "y", "z" } });
        var children = (await ClaimAsync(Queue, max: 10, waitSeconds: 2)).OrderByDescending(NodeIdOf, StringComparer.Ordinal).ToList();
        children.Count.ShouldBe(3);

        foreach (var child in children)
        {
            var i = child.GetProperty("params").GetProperty("i").GetInt32();
            // Keys in the order "n" < "tag" < "vals"; sum takes the numeric top-level values (n) only.
            await CompleteAsync(child, new { n = i + 1, tag = "t", vals = new[] { i, i } });
        }

        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("status").GetString().ShouldBe("completed");
        var nodes = await NodesByIdAsync(jobId);
        Compact(nodes["by_concat"].GetProperty("output")).ShouldBe("""{"count":12,"results":[1,"t",0,0,2,"t",1,1,3,"t",2,2]}""");
        Compact(nodes["by_sum"].GetProperty("output")).ShouldBe("""{"count":3,"total":6}""");
        Compact(nodes["by_first"].GetProperty("output")).ShouldBe("""{"count":3,"result":{"n":1,"tag":"t","vals":[0,0]}}""");
        Compact(nodes["by_last"].GetProperty("output")).ShouldBe("""{"count":3,"result":{"n":3,"tag":"t","vals":[2,2]}}""");
        var result = job.GetProperty("result");
        result.GetProperty("by_sum").GetProperty("total").GetRawText().ShouldBe("6");
        result.GetProperty("by_concat").GetProperty("count").GetInt32().ShouldBe(12);
        var events = await Jobs.EventsAsync(jobId);
        foreach (var (node, aggregation) in new[] { ("by_concat", "concat"), ("by_sum", "sum"), ("by_first", "first"), ("by_last", "last") })
        {
            OfType(events, "node_completed", node).Single().GetProperty("data").GetProperty("aggregation").GetString().ShouldBe(aggregation);
        }
    }

    /// <summary>Canonical JSON with object keys sorted, so the comparison does not depend on storage key order.</summary>
    private static string Compact(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{JsonSerializer.Serialize(p.Name)}:{Compact(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", value.EnumerateArray().Select(Compact)) + "]",
        _ => value.GetRawText(),
    };
}
