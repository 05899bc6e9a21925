using System.Diagnostics;
using DagMaster.IntegrationTests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace DagMaster.IntegrationTests.Observability;

/// <summary>W3C trace context travels in the task message: the worker's span is a child of its task's span, which is a child of its job's.</summary>
public sealed class TraceContextTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    [Fact]
    public async Task Job_WhenRunByTheWorkerHost_IsOneTraceFromJobToTaskToWorker()
    {
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource("DagMaster", "DagMaster.Worker").AddInMemoryExporter(exported).Build();
        await using var worker = await InProcessWorker.StartAsync(App);

        var jobId = await new JobsApi(Client).SubmitOkAsync("echo_test", new { message = "traced" });
        await new JobsApi(Client).WaitForStatusAsync(jobId, "completed");

        // The worker's span ends once its run is over, a moment after its result was applied.
        var spans = await Poll.UntilAsync(
            () => Task.FromResult(Snapshot(exported).Where(a => (string?)a.GetTagItem("dagmaster.job_id") == jobId.ToString()).ToList()),
            s => s.Any(a => a.DisplayName == "run echo") && s.Any(a => a.DisplayName == "job echo_test ended"), "every span of the job to end");
        var names = string.Join(", ", Snapshot(exported).Select(a => $"{a.DisplayName}[{a.GetTagItem("dagmaster.job_id")}]"));
        var job = spans.SingleOrDefault(a => a.DisplayName == "job echo_test") ?? throw new ShouldAssertException($"no job span among {names}");
        var task = spans.Single(a => a.DisplayName == "task echo_handler" && a.Kind == ActivityKind.Producer);
        var run = spans.Single(a => a.DisplayName == "run echo");
        run.GetTagItem("dagmaster.task_id").ShouldBe($"{jobId}:echo_handler:1");
        run.ParentSpanId.ShouldBe(task.SpanId);
        task.ParentSpanId.ShouldBe(job.SpanId);
        spans.ShouldAllBe(s => s.TraceId == job.TraceId);
        spans.Single(a => a.DisplayName == "task echo_handler completed").ParentSpanId.ShouldBe(job.SpanId);
        spans.Single(a => a.DisplayName == "job echo_test ended").ParentSpanId.ShouldBe(job.SpanId);
    }

    private static List<Activity> Snapshot(List<Activity> exported)
    {
        lock (exported)
        {
            return [.. exported];
        }
    }
}
