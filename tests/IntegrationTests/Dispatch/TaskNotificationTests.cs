using System.Threading.Channels;
using DagMaster.IntegrationTests.Infrastructure;
using DagMaster.Infrastructure.Dispatch.Postgres;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task WaitingClaimsOfOneInstance_WhenAnotherInstanceEnqueues_AreWokenByTheNotification()
    {
        await using var second = new AdditionalHost(App);
        using var secondClient = second.CreateClient();

        // Taken before the submit, so no wake-up can be missed: the other instance's commit wakes its own claims
        // only, so this instance's waiters can be woken by nothing but the NOTIFY its listener receives.
        var woken = App.Services.GetRequiredService<TaskSignal>().Next(["dag-worker-tasks"]);
        var jobId = await new JobsApi(secondClient).SubmitOkAsync("echo_test", new { message = "across instances" });

        await woken.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        var claimed = await new RawWorker(App, "notified-worker").ClaimAsync();

        claimed.ShouldHaveSingleItem().GetProperty("job_id").GetGuid().ShouldBe(jobId);
    }
}
