using System.Net;
using DagMaster.Application.Jobs.ExpireTask;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Jobs;

/// <summary>An attempt fails for a lapsed lease only when the database's clock says so, checked under the job's lock.</summary>
public sealed class LeaseExpiryScaleOutTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private JobsApi Jobs => new(Client);

    [Fact]
    public async Task ExpireTask_WhenTheLeaseWasExtendedSinceTheSweepLooked_KeepsTheAttemptRunning()
    {
        var jobId = await Jobs.SubmitOkAsync("echo_test", new { message = "alive" });
        var worker = new RawWorker(App);
        var taskId = (await worker.ClaimOneAsync()).GetProperty("task_id").GetString()!;

        // The sweep's verdict arrives after a heartbeat renewed the lease (the heartbeat landed in between).
        await App.SendAsync(new ExpireTaskCommand(taskId, 60));

        (await Jobs.NodeAsync(jobId, "echo_handler")).GetProperty("status").GetString().ShouldBe("running");
        (await worker.HeartbeatAsync(taskId)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Jobs.EventsAsync(jobId)).ShouldNotContain(e => e.GetProperty("type").GetString() == "node_timed_out");
    }

    [Fact]
    public async Task Sweep_WhenAnInstanceClockRunsTenMinutesAhead_FailsOnlyTheAttemptWhoseLeaseLapsed()
    {
        await using var ahead = new AdditionalHost(App, new ShiftedClock(TimeSpan.FromMinutes(10)));
        var aheadWorker = new RawWorker(ahead, "ahead-worker");
        var worker = new RawWorker(App);

        // Claimed through the primary host: a 3 s lease that nobody renews.
        var lapsingJob = await Jobs.SubmitOkAsync("echo_test", new { message = "lapses" });
        var lapsing = (await worker.ClaimOneAsync()).GetProperty("task_id").GetString()!;
        // Claimed through the instance that runs ahead: a 30 s lease, renewed by heartbeats.
        var keptJob = await Jobs.SubmitOkAsync("echo_test", new { message = "kept" });
        var kept = (await aheadWorker.ClaimOneAsync()).GetProperty("task_id").GetString()!;

        // Both instances sweep every 0.2 s; the ahead one sees every lease as ten minutes old. (After the lapse the
        // attempt is retried at once by the ahead instance, so the node's status is not what to wait for.)
        var heartbeats = 0;
        await Poll.UntilAsync(
            async () =>
            {
                (await aheadWorker.HeartbeatAsync(kept)).StatusCode.ShouldBe(HttpStatusCode.OK, "the renewed attempt stays current");
                heartbeats++;
                return await Jobs.EventsAsync(lapsingJob);
            },
            events => events.Any(e => e.GetProperty("type").GetString() == "node_timed_out"),
            "the unrenewed attempt to lapse",
            timeoutSeconds: 30,
            intervalSeconds: 0.25);

        var lapsed = (await Jobs.EventsAsync(lapsingJob)).Single(e => e.GetProperty("type").GetString() == "node_timed_out");
        lapsed.GetProperty("data").GetProperty("error").GetString().ShouldBe("lease expired");
        (await worker.HeartbeatAsync(lapsing)).StatusCode.ShouldBe(HttpStatusCode.Gone);
        var keptNode = await Jobs.NodeAsync(keptJob, "echo_handler");
        keptNode.GetProperty("status").GetString().ShouldBe("running");
        keptNode.GetProperty("task_id").GetString().ShouldBe(kept);
        (await Jobs.EventsAsync(keptJob)).ShouldNotContain(e => e.GetProperty("type").GetString() == "node_timed_out");
        TestContext.Current.SendDiagnosticMessage($"heartbeats of the kept attempt while the other lapsed: {heartbeats}");
    }
}
