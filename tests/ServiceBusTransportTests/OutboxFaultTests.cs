using DagMaster.Infrastructure.Dispatch.ServiceBus;
using DagMaster.ServiceBusTransportTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.ServiceBusTransportTests;

/// <summary>
/// The outbox under faults: a broker that refuses sends, a relay stopped between commit and send, a relay that dies
/// after the broker accepted a batch and before it marked the rows, a message the broker delivers again. Each test
/// prints what it counted.
/// </summary>
public sealed class OutboxFaultTests(ServiceBusAppFixture app) : ServiceBusTestBase(app)
{
    private const string Queue = "dag-worker-tasks";

    [Fact]
    public async Task Relay_WhenTheBrokerRefusesSendsFor5Seconds_DeliversEveryTaskOnceAfterItRecovers()
    {
        const int jobs = 40;
        await using var worker = await OriginalWorker.StartAsync(App, Queue);
        var acceptedBefore = App.Peer.GetCounts(Queue).Accepted;
        App.Peer.RefuseSends = true;
        List<Guid> ids;
        try
        {
            ids = await SubmitEchoJobsAsync(jobs);
            await Task.Delay(TimeSpan.FromSeconds(5), Ct); // the outage lasts 5 s while the jobs wait
            (await App.ScalarAsync("SELECT count(*) FROM dagmaster.task_outbox WHERE sent_at IS NULL")).ShouldBe(jobs);
            App.Peer.GetCounts(Queue).Accepted.ShouldBe(acceptedBefore);
        }
        finally
        {
            App.Peer.RefuseSends = false;
        }

        await WaitForAllAsync(ids);
        var refused = App.Peer.GetCounts(Queue).Refused;
        Report(worker, ids, $"refused sends during the outage: {refused}");
        refused.ShouldBeGreaterThan(0);
        AssertDeliveredOnce(worker, ids);
    }

    [Fact]
    public async Task Relay_WhenStoppedBetweenCommitAndSend_SendsEveryTaskOnceAfterARestart()
    {
        const int jobs = 20;
        var relay = App.Host.Services.GetRequiredService<OutboxRelay>();
        await using var worker = await OriginalWorker.StartAsync(App, Queue);
        await relay.StopAsync(Ct);
        List<Guid> ids;
        try
        {
            ids = await SubmitEchoJobsAsync(jobs);
            (await App.ScalarAsync("SELECT count(*) FROM dagmaster.task_outbox WHERE sent_at IS NULL")).ShouldBe(jobs);
            (await Jobs.NodeAsync(ids[0], "echo_handler")).GetProperty("status").GetString().ShouldBe("dispatched");
        }
        finally
        {
            await relay.StartAsync(CancellationToken.None);
        }

        await WaitForAllAsync(ids);
        Report(worker, ids, "relay restarted once");
        AssertDeliveredOnce(worker, ids);
    }

    [Fact]
    public async Task Relay_WhenItDiesAfterTheBrokerAcceptedABatch_TheResendIsDroppedAsADuplicate()
    {
        const int jobs = 20;
        var relay = App.Host.Services.GetRequiredService<OutboxRelay>();
        var before = App.Peer.GetCounts(Queue);
        await relay.StopAsync(Ct);
        List<Guid> ids;
        try
        {
            // Another instance whose relay sends, then "crashes" before marking the rows sent. No worker runs yet, so
            // no task finishes (which would delete its row) before the restarted relay sends again.
            await using var crashing = App.StartHost(new Dictionary<string, string> { ["ServiceBus:SimulateCrashAfterSend"] = "true" });
            using var client = crashing.CreateClient();
            ids = await SubmitEchoJobsAsync(jobs, new JobsApi(client));
            await Poll.UntilAsync(
                () => Task.FromResult(App.Peer.GetCounts(Queue).Accepted - before.Accepted), n => n > 0, "the crashing relay to send");
            (await App.ScalarAsync("SELECT count(*) FROM dagmaster.task_outbox WHERE sent_at IS NOT NULL")).ShouldBe(0);
        }
        finally
        {
            await relay.StartAsync(CancellationToken.None);
        }

        await Poll.UntilAsync(
            () => App.ScalarAsync("SELECT count(*) FROM dagmaster.task_outbox WHERE sent_at IS NULL"), n => n == 0, "the restarted relay to send");
        await using var worker = await OriginalWorker.StartAsync(App, Queue);
        await WaitForAllAsync(ids);
        var after = App.Peer.GetCounts(Queue);
        var duplicates = after.DuplicatesDropped - before.DuplicatesDropped;
        Report(worker, ids, $"sent before the crash and again after it, dropped by the broker: {duplicates}");
        duplicates.ShouldBeGreaterThan(0);
        (after.Accepted - before.Accepted).ShouldBe(jobs);
        AssertDeliveredOnce(worker, ids);
    }

    [Fact]
    public async Task TaskMessage_WhenTheBrokerDeliversItAgain_ItsResultIsAppliedOnce()
    {
        await using var worker = await OriginalWorker.StartAsync(App, Queue);
        App.Peer.RedeliverNextCompletions(Queue, 1);

        var jobId = await Jobs.SubmitOkAsync("echo_test", new { message = "twice" });
        await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 30);
        var taskId = $"{jobId}:echo_handler:1";
        await Poll.UntilAsync(
            () => Task.FromResult(worker.Deliveries.GetValueOrDefault(taskId)), n => n == 2, "the redelivery to be run");
        await Poll.UntilAsync(
            () => Jobs.EventsAsync(jobId), e => e.Count(x => x.GetProperty("type").GetString() == "stale_result_ignored") == 1,
            "the repeated result to be recorded as ignored");

        var events = await Jobs.EventsAsync(jobId);
        var completions = events.Count(e => e.GetProperty("type").GetString() == "node_completed" && e.GetProperty("node_id").GetString() == "echo_handler");
        TestContext.Current.TestOutputHelper?.WriteLine($"deliveries of {taskId}: {worker.Deliveries[taskId]}, node completions: {completions}");
        completions.ShouldBe(1);
        (await Jobs.NodeAsync(jobId, "echo_handler")).GetProperty("attempt").GetInt32().ShouldBe(1);
    }

    private async Task<List<Guid>> SubmitEchoJobsAsync(int count, JobsApi? api = null)
    {
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            ids.Add(await (api ?? Jobs).SubmitOkAsync("echo_test", new { message = $"m{i}" }));
        }

        return ids;
    }

    private async Task WaitForAllAsync(IReadOnlyList<Guid> ids)
    {
        foreach (var id in ids)
        {
            await Jobs.WaitForStatusAsync(id, "completed", timeoutSeconds: 60);
        }
    }

    private static void AssertDeliveredOnce(OriginalWorker worker, IReadOnlyList<Guid> ids)
    {
        var expected = ids.Select(id => $"{id}:echo_handler:1").ToHashSet(StringComparer.Ordinal);
        expected.Where(t => !worker.Deliveries.ContainsKey(t)).ShouldBeEmpty("lost tasks");
        worker.Deliveries.Where(d => expected.Contains(d.Key) && d.Value > 1).ShouldBeEmpty("tasks delivered twice");
    }

    private static void Report(OriginalWorker worker, IReadOnlyList<Guid> ids, string detail)
    {
        var expected = ids.Select(id => $"{id}:echo_handler:1").ToHashSet(StringComparer.Ordinal);
        var delivered = worker.Deliveries.Count(d => expected.Contains(d.Key));
        var twice = worker.Deliveries.Count(d => expected.Contains(d.Key) && d.Value > 1);
        var line = $"jobs: {ids.Count}, tasks delivered: {delivered}, delivered twice: {twice}, lost: {ids.Count - delivered}; {detail}";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
    }
}
