using System.Net;
using System.Text.Json;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Scenarios;

/// <summary>Fan-out/fan-in driven child by child: native item/index, empty and non-list sources, fail fast, max_parallel.</summary>
public sealed class FanOutScenarioTests(DagMasterAppFixture app) : ScenarioTestBase(app)
{
    private const string Queue = "scn-fan-out";

    /// <summary>Fans out over the input list; used by the native-values, fail-fast and max_parallel scenarios.</summary>
    private static string OverInput(string workflowId, string extra = "") => $$$"""
        workflow_id: {{{workflowId}}}
        name: Fan-out over an input list
        version: 1
        inputs:
          things: {type: array, required: true}
        nodes:
          start: {type: start, next: split}
          split:
            type: fan_out
            source: "{{ inputs.things }}"
        {{{extra}}}
            task:
              handler: echo
              queue: scn-fan-out
              params:
                value: "{{ item }}"
                position: "{{ index }}"
                label: "i-{{ index }}"
            next: merge
          merge: {type: fan_in, aggregation: collect, next: end}
          end: {type: end}
        """;

    private const string FromTaskOutput = """
        workflow_id: scn_fan_out_source
        name: Fan-out over a task's output
        version: 1
        nodes:
          start: {type: start, next: prepare}
          prepare: {handler: echo, queue: scn-fan-out, next: split}
          split:
            type: fan_out
            source: "{{ nodes.prepare.output.list }}"
            retry: {max_attempts: 3, backoff: fixed, initial_delay_seconds: 0}
            task: {handler: echo, queue: scn-fan-out, params: {value: "{{ item }}"}}
            next: merge
          merge: {type: fan_in, next: end}
          end: {type: end}
        """;

    [Fact]
    public async Task FanOut_WhenItemsHaveMixedJsonTypes_ChildParamsHoldNativeValuesAndIntegerIndex()
    {
        await RegisterWorkflowAsync(OverInput("scn_fan_out_native"));
        object[] things = [1, 2.5, true, new Dictionary<string, string> { ["k"] = "v" }, new[] { 1, 2 }];
        var jobId = await SubmitAsync("scn_fan_out_native", new { things });

        var nodes = await NodesByIdAsync(jobId);
        var expected = new[] { "1", "2.5", "true", """{"k":"v"}""", "[1,2]" };
        var kinds = new[] { JsonValueKind.Number, JsonValueKind.Number, JsonValueKind.True, JsonValueKind.Object, JsonValueKind.Array };
        for (var i = 0; i < expected.Length; i++)
        {
            var child = nodes[$"split__{i}"];
            child.GetProperty("parent_node_id").GetString().ShouldBe("split");
            child.GetProperty("index").GetInt32().ShouldBe(i);
            var parameters = child.GetProperty("params");
            parameters.GetProperty("value").ValueKind.ShouldBe(kinds[i], $"child {i}");
            Compact(parameters.GetProperty("value")).ShouldBe(expected[i], $"child {i}");
            parameters.GetProperty("position").ValueKind.ShouldBe(JsonValueKind.Number);
            parameters.GetProperty("position").GetRawText().ShouldBe(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            parameters.GetProperty("label").GetString().ShouldBe($"i-{i}");
        }

        var tasks = await ClaimAsync(Queue, max: 10, waitSeconds: 2);
        tasks.Select(NodeIdOf).Order().ShouldBe(["split__0", "split__1", "split__2", "split__3", "split__4"]);
        foreach (var task in tasks)
        {
            var i = int.Parse(NodeIdOf(task)["split__".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Compact(task.GetProperty("params").GetProperty("value")).ShouldBe(expected[i]);
            task.GetProperty("params").GetProperty("position").GetRawText().ShouldBe(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await CompleteAsync(task, new { got = task.GetProperty("params").GetProperty("value") });
        }

        var merge = (await Jobs.GetAsync(jobId)).GetProperty("result").GetProperty("merge");
        merge.GetProperty("count").GetInt32().ShouldBe(5);
        merge.GetProperty("results").EnumerateArray().Select(r => Compact(r.GetProperty("got"))).ShouldBe(expected);
    }

    [Fact]
    public async Task FanOut_WhenSourceIsAnEmptyList_MakesNoChildrenAndFanInYieldsEmptyResults()
    {
        await RegisterWorkflowAsync(FromTaskOutput);
        var jobId = await SubmitAsync("scn_fan_out_source");
        var prepare = await ClaimNodeAsync(Queue, "prepare");

        await CompleteAsync(prepare, new { list = Array.Empty<int>() });

        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("status").GetString().ShouldBe("completed");
        var merge = job.GetProperty("result").GetProperty("merge");
        merge.GetProperty("count").GetInt32().ShouldBe(0);
        merge.GetProperty("results").ValueKind.ShouldBe(JsonValueKind.Array);
        merge.GetProperty("results").GetArrayLength().ShouldBe(0);
        await StatusesShouldBeAsync(jobId, "start=completed prepare=completed split=completed merge=completed end=completed");
        (await ClaimAsync(Queue)).ShouldBeEmpty();
        var events = await Jobs.EventsAsync(jobId);
        OfType(events, "node_completed", "merge").Single().GetProperty("data").GetProperty("count").GetInt32().ShouldBe(0);
        OfType(events, "job_completed").Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("""{"a": 1}""", "an object")]
    [InlineData("\"a,b\"", "a string")]
    [InlineData("5", "a number")]
    [InlineData("null", "null")]
    public async Task FanOut_WhenSourceIsNotAList_FailsAtOnceWithoutRetryAndTheJobFails(string sourceJson, string described)
    {
        await RegisterWorkflowAsync(FromTaskOutput);
        var jobId = await SubmitAsync("scn_fan_out_source");
        var prepare = await ClaimNodeAsync(Queue, "prepare");

        await CompleteAsync(prepare, JsonDocument.Parse($$"""{"list": {{sourceJson}}}""").RootElement);

        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("status").GetString().ShouldBe("failed");
        job.GetProperty("failed_node_id").GetString().ShouldBe("split");
        job.GetProperty("error").GetString()!.ShouldContain("must be a list");
        var split = (await NodesByIdAsync(jobId))["split"];
        split.GetProperty("error").GetString()!.ShouldContain($"must be a list, got {described}");
        split.GetProperty("attempt").GetInt32().ShouldBeLessThanOrEqualTo(1);
        split.GetProperty("next_attempt_at").ValueKind.ShouldBe(JsonValueKind.Null);
        await StatusesShouldBeAsync(jobId, "start=completed prepare=completed split=failed merge=cancelled end=cancelled");
        var events = await Jobs.EventsAsync(jobId);
        OfType(events, "retry_scheduled").ShouldBeEmpty();
        OfType(events, "node_failed", "split").Single().GetProperty("data").GetProperty("retryable").GetBoolean().ShouldBeFalse();
        OfType(events, "job_failed").Count.ShouldBe(1);
    }

    [Fact]
    public async Task FanOut_WhenAChildFailsForGood_CancelsTheOtherChildrenAndTheFanInAndFailsTheJob()
    {
        await RegisterWorkflowAsync(OverInput("scn_fan_out_fail_fast", "    retry: {max_attempts: 1}"));
        var jobId = await SubmitAsync("scn_fan_out_fail_fast", new { things = new[] { "a", "b", "c" } });
        var children = (await ClaimAsync(Queue, max: 10, waitSeconds: 2)).OrderBy(NodeIdOf, StringComparer.Ordinal).ToList();
        children.Select(NodeIdOf).ShouldBe(["split__0", "split__1", "split__2"]);
        await CompleteAsync(children[0], new { v = "a" });

        await FailAsync(children[1], "tile b is corrupt", retryable: true); // retryable, but max_attempts 1 leaves none

        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("status").GetString().ShouldBe("failed");
        job.GetProperty("failed_node_id").GetString().ShouldBe("split__1");
        job.GetProperty("error").GetString()!.ShouldContain("tile b is corrupt");
        await StatusesShouldBeAsync(jobId, "start=completed split=cancelled split__0=completed split__1=failed split__2=cancelled merge=cancelled end=cancelled");
        var heartbeat = await (await Worker.HeartbeatAsync(TaskIdOf(children[2]))).ReadJsonAsync(200);
        heartbeat.GetProperty("cancel").GetBoolean().ShouldBeTrue();

        (await Worker.CompleteAsync(TaskIdOf(children[2]), new { v = "late" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await Jobs.GetAsync(jobId)).GetProperty("status").GetString().ShouldBe("failed");
        (await NodesByIdAsync(jobId))["split__2"].GetProperty("status").GetString().ShouldBe("cancelled");
        var events = await Jobs.EventsAsync(jobId);
        OfType(events, "retry_scheduled").ShouldBeEmpty();
        OfType(events, "stale_result_ignored", "split__2").Count.ShouldBe(1);
        OfType(events, "node_cancelled", "merge").Count.ShouldBe(1);
        OfType(events, "node_ready", "merge").ShouldBeEmpty();
        OfType(events, "job_failed").Single().GetProperty("node_id").GetString().ShouldBe("split__1");
    }

    [Fact]
    public async Task FanOut_WhenMaxParallelIsTwo_NeverOffersMoreThanTwoChildrenAtOnce()
    {
        await RegisterWorkflowAsync(OverInput("scn_fan_out_max_parallel", "    max_parallel: 2"));
        var jobId = await SubmitAsync("scn_fan_out_max_parallel", new { things = new[] { 10, 11, 12, 13, 14 } });

        var first = await ClaimAsync(Queue, max: 10, waitSeconds: 2);
        first.Select(NodeIdOf).Order().ShouldBe(["split__0", "split__1"]);
        (await ClaimAsync(Queue)).ShouldBeEmpty();
        var statuses = await NodeStatusesAsync(jobId);
        new[] { statuses["split__2"], statuses["split__3"], statuses["split__4"] }.ShouldAllBe(s => s == "ready" || s == "pending");

        var running = first.ToDictionary(NodeIdOf);
        var order = new List<string>();
        while (running.Count > 0)
        {
            var next = running.Keys.Order(StringComparer.Ordinal).First();
            await CompleteAsync(running[next], new { done = next });
            running.Remove(next);
            order.Add(next);

            var offered = await ClaimAsync(Queue);
            offered.Count.ShouldBe(order.Count <= 3 ? 1 : 0, $"after completing {next}");
            foreach (var task in offered)
            {
                running.Add(NodeIdOf(task), task);
            }

            running.Count.ShouldBeLessThanOrEqualTo(2);
        }

        order.ShouldBe(["split__0", "split__1", "split__2", "split__3", "split__4"]);
        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("status").GetString().ShouldBe("completed");
        job.GetProperty("result").GetProperty("merge").GetProperty("count").GetInt32().ShouldBe(5);
        MaxInFlight(await Jobs.EventsAsync(jobId)).ShouldBe(2);
    }

    /// <summary>The most children dispatched and not yet finished at any point of the timeline.</summary>
    private static int MaxInFlight(IEnumerable<JsonElement> events)
    {
        int inFlight = 0, max = 0;
        foreach (var e in events.OrderBy(e => e.GetProperty("id").GetInt64()))
        {
            var node = e.GetProperty("node_id");
            if (node.ValueKind != JsonValueKind.String || !node.GetString()!.StartsWith("split", StringComparison.Ordinal))
            {
                continue;
            }

            switch (e.GetProperty("type").GetString())
            {
                case "children_dispatched": // the fan-out's first dispatch of a batch of children
                    inFlight += e.GetProperty("data").GetProperty("count").GetInt32();
                    max = Math.Max(max, inFlight);
                    break;
                case "node_dispatched": // a child's retry
                    max = Math.Max(max, ++inFlight);
                    break;
                case "node_completed" or "node_failed" or "node_cancelled" when node.GetString() != "split":
                    inFlight--;
                    break;
            }
        }

        return max;
    }

    private static string Compact(JsonElement value) => JsonSerializer.Serialize(value);
}
