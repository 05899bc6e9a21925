using System.Threading.Channels;
using DagMaster.IntegrationTests.Infrastructure;
using Npgsql;

namespace DagMaster.IntegrationTests.Dispatch;

/// <summary>
/// Other instances learn of new tasks by a NOTIFY on <c>dagmaster_tasks</c> naming the sending instance and the
/// queue; it is sent after the enqueueing commit, on a connection of its own (ADR-0090), and wakes the claims that
/// wait on that queue at the other instances.
/// </summary>
public sealed class TaskNotificationTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private JobsApi Jobs => new(Client);

    [Fact]
    public async Task SubmitJob_WhenItsTaskIsEnqueued_ListenersAreNotifiedOfItsQueue()
    {
        await using var listener = new NpgsqlConnection(App.ConnectionString);
        await listener.OpenAsync(Ct);
        var payloads = Channel.CreateUnbounded<string>();
        listener.Notification += (_, e) => payloads.Writer.TryWrite(e.Payload);
        await using (var listen = new NpgsqlCommand("LISTEN dagmaster_tasks", listener))
        {
            await listen.ExecuteNonQueryAsync(Ct);
        }

        var jobId = await Jobs.SubmitOkAsync("echo_test", new { message = "notify" });

        // Notifications arrive while the connection waits; the first one naming the queue is the enqueue's.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        string? payload = null;
        while (payload?.EndsWith(" dag-worker-tasks", StringComparison.Ordinal) != true)
        {
            if (!payloads.Reader.TryRead(out payload))
            {
                await listener.WaitAsync(deadline.Token);
            }
        }

        (await Jobs.NodeAsync(jobId, "echo_handler")).GetProperty("attempt").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task ClaimWaitingOnOneInstance_WhenAnotherInstanceEnqueues_IsWokenByTheNotification()
    {
        await using var second = new AdditionalHost(App);
        using var secondClient = second.CreateClient();

        // The claim waits 30 s (the longest wait) on this instance; only the other instance's NOTIFY can answer it
        // with the task before then.
        var waiting = new RawWorker(App, "notified-worker").ClaimAsync(waitSeconds: 30);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct); // lets the claim find the queue empty and start waiting
        var jobId = await new JobsApi(secondClient).SubmitOkAsync("echo_test", new { message = "across instances" });

        var claimed = await waiting.WaitAsync(TimeSpan.FromSeconds(20), Ct);

        claimed.ShouldHaveSingleItem().GetProperty("job_id").GetGuid().ShouldBe(jobId);
    }
}
