using System.Diagnostics;
using System.Text.Json.Nodes;
using DagMaster.IntegrationTests.Infrastructure;
using DagMaster.IntegrationTests.Scenarios;

namespace DagMaster.IntegrationTests.Scale;

/// <summary>
/// A long test that build/test runs: one fan-out of 100,000 children (DAGMASTER_WIDE_FAN_OUT overrides the
/// size) run by the real worker host over HTTP, with a small job submitted meanwhile. It prints the time and
/// the test process's memory high-water mark (host and worker share the process; build/bench measures the
/// orchestrator alone).
/// </summary>
[Trait("Category", "Long")]
public sealed class WideFanOutTests(DagMasterAppFixture app) : ScenarioTestBase(app)
{
    private const string Workflow = """
        workflow_id: scale_wide_fan_out
        name: One very wide fan-out
        version: 1
        inputs:
          numbers: {type: array, required: true}
        nodes:
          start: {type: start, next: split}
          split:
            type: fan_out
            source: "{{ inputs.numbers }}"
            task: {handler: scale_unit, queue: scale-wide, params: {n: "{{ item }}"}, timeout_seconds: 600}
            next: total
          total: {type: fan_in, aggregation: sum, next: end}
          end: {type: end}
        """;

    private const string SmallWorkflow = """
        workflow_id: scale_small_neighbour
        name: A small job next to the wide one
        version: 1
        nodes:
          start: {type: start, next: one}
          one: {type: task, handler: scale_unit, queue: scale-wide, params: {n: 1}, next: two}
          two: {type: task, handler: scale_unit, queue: scale-wide, params: {n: 2}, next: end}
          end: {type: end}
        """;

    private static int Size => int.TryParse(Environment.GetEnvironmentVariable("DAGMASTER_WIDE_FAN_OUT"), out var size) ? size : 100_000;

    [Fact]
    public async Task WideFanOut_OfManyChildren_CompletesWithTheirSumAndDoesNotStarveASmallJob()
    {
        await RegisterWorkflowAsync(Workflow);
        await RegisterWorkflowAsync(SmallWorkflow);
        var handler = new StubHandler("scale_unit", context => new JsonObject { ["n"] = context.Params["n"]!.DeepClone() });
        await using var worker = await InProcessWorker.StartAsync(App, concurrency: 64, extraHandlers: [handler], queues: ["scale-wide"]);
        await using var heartbeat = RunnerHeartbeat.Start("the wide fan-out");
        var clock = Stopwatch.StartNew();

        var jobId = await SubmitAsync("scale_wide_fan_out", new { numbers = Enumerable.Range(0, Size).ToArray() });
        await Poll.UntilAsync(
            () => Jobs.GetAsync(jobId),
            j => j.GetProperty("progress").GetProperty("nodes_completed").GetInt32() > Math.Min(1000, Size / 2),
            "the wide fan-out to be under way",
            timeoutSeconds: 120,
            intervalSeconds: 1);
        var small = await SubmitAsync("scale_small_neighbour");
        await Jobs.WaitForStatusAsync(small, "completed", timeoutSeconds: 120);
        var wideWhenSmallDone = (await Jobs.GetAsync(jobId)).GetProperty("status").GetString();

        // Polled gently: each look at a job of 100,000 nodes counts them.
        var job = await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 1200, intervalSeconds: 2);
        clock.Stop();

        var total = job.GetProperty("result").GetProperty("total");
        total.GetProperty("total").GetInt64().ShouldBe((long)Size * (Size - 1) / 2);
        total.GetProperty("count").GetInt32().ShouldBe(Size);
        job.GetProperty("progress").GetProperty("nodes_total").GetInt32().ShouldBe(Size + 4);
        wideWhenSmallDone.ShouldBe("running", "the small job finished while the wide fan-out was still running");

        var report = $"wide fan-out: {Size} children completed in {clock.Elapsed.TotalSeconds:F1} s; "
            + $"test process (host + worker) memory high-water mark {HighWaterMegabytes()} MB";
        await ArtifactReports.WriteAsync("wide-fan-out.txt", report);
    }

    /// <summary>VmHWM of this process (Linux), in MB.</summary>
    private static long HighWaterMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }
}
