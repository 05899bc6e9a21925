using System.Diagnostics;
using DagMaster.ServiceBusTransportTests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace DagMaster.ServiceBusTransportTests;

/// <summary>W3C trace context travels in the Service Bus task message too (body and application properties).</summary>
public sealed class TraceContextTests(ServiceBusAppFixture app) : ServiceBusTestBase(app)
{
    [Fact]
    public async Task Job_WhenRunByAServiceBusWorker_IsOneTraceFromJobToTaskToWorker()
    {
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource("DagMaster", "DagMaster.Worker").AddInMemoryExporter(exported).Build();
        await using var worker = await ServiceBusWorker.StartAsync(App, ["dag-worker-tasks"]);

        var jobId = await Jobs.SubmitOkAsync("echo_test", new { message = "traced" });
        await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 30);

        // The worker's span ends once its run is over, a moment after its result was applied.
        var spans = await Poll.UntilAsync(
            () => Task.FromResult(Snapshot(exported).Where(a => (string?)a.GetTagItem("dagmaster.job_id") == jobId.ToString()).ToList()),
            s => s.Any(a => a.DisplayName == "run echo"), "the worker's span to end");
        var job = spans.Single(a => a.DisplayName == "job echo_test");
        var task = spans.Single(a => a.DisplayName == "task echo_handler" && a.Kind == ActivityKind.Producer);
        var run = spans.Single(a => a.DisplayName == "run echo");
        run.ParentSpanId.ShouldBe(task.SpanId);
        task.ParentSpanId.ShouldBe(job.SpanId);
        run.TraceId.ShouldBe(job.TraceId);
    }

    private static List<Activity> Snapshot(List<Activity> exported)
    {
        lock (exported)
        {
            return [.. exported];
        }
    }
}
