using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Observability;

public sealed class TelemetryTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    [Fact]
    public async Task CompletedJob_WhenListened_EmitsJobAndTaskSpansAndJobCounter()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "DagMaster",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var finished = new ConcurrentBag<(long Value, string? Status)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "DagMaster" && instrument.Name == "dagmaster.jobs.finished")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            finished.Add((value, tags.ToArray().FirstOrDefault(t => t.Key == "status").Value as string)));
        meters.Start();

        var jobs = new JobsApi(Client);
        var jobId = await jobs.SubmitOkAsync("echo_test", new { message = "traced" });
        var worker = new RawWorker(App);
        var task = await worker.ClaimOneAsync();
        await worker.CompleteAsync(task.GetProperty("task_id").GetString()!, new { ok = true });
        await jobs.WaitForStatusAsync(jobId, "completed");

        var jobSpan = spans.Single(s => s.DisplayName == "job echo_test ended" && (string?)s.GetTagItem("dagmaster.job_id") == jobId.ToString());
        jobSpan.GetTagItem("dagmaster.status").ShouldBe("completed");
        jobSpan.Duration.ShouldBeGreaterThan(TimeSpan.Zero);
        var taskSpan = spans.Single(s => s.DisplayName == "task echo_handler completed" && (string?)s.GetTagItem("dagmaster.job_id") == jobId.ToString());
        taskSpan.GetTagItem("dagmaster.task_id").ShouldBe(task.GetProperty("task_id").GetString());
        finished.ShouldContain(m => m.Value == 1 && m.Status == "completed");
    }
}
