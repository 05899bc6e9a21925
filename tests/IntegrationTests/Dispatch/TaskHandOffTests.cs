using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DagMaster.IntegrationTests.Infrastructure;
using DagMaster.Infrastructure.Dispatch.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.IntegrationTests.Dispatch;

/// <summary>
/// A task enqueued while a claim of the same instance waits for it is handed to that claim by the enqueueing unit of
/// work: written already claimed for the worker, its node started, and delivered after the commit without waking
/// any claim. The message is the one a claim statement builds.
/// </summary>
public sealed class TaskHandOffTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private const string Queue = "hand-off-tests";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private JobsApi Jobs => new(Client);

    [Fact]
    public async Task WaitingClaim_WhenAStepEnqueuesItsTask_IsHandedItClaimedAndStartedWithoutAWakeUp()
    {
        await using var workflow = await HandOffWorkflow.LoadAsync(App, Client);
        var worker = new RawWorker(App, "hand-off-worker");
        var claim = worker.ClaimAsync(Queue, waitSeconds: 20);
        await WaitUntilWaitingAsync(worker.WorkerId);

        // Taken after the claim began to wait: only an enqueue that is not handed over pulses the queue.
        var pulse = App.Services.GetRequiredService<TaskSignal>().Next([Queue]);
        var jobId = await Jobs.SubmitOkAsync(HandOffWorkflow.Id, new { });

        var task = (await claim.WaitAsync(TimeSpan.FromSeconds(20), Ct)).ShouldHaveSingleItem();
        task.GetProperty("job_id").GetGuid().ShouldBe(jobId);
        pulse.IsCompleted.ShouldBeFalse("a handed task wakes no claim");

        var taskId = task.GetProperty("task_id").GetString()!;
        (await App.ScalarAsync($"SELECT count(*) FROM dagmaster.task_queue WHERE task_id = '{taskId}' AND claimed_by = 'hand-off-worker' AND lease_expires_at > now()"))
            .ShouldBe(1);
        var node = await Jobs.NodeAsync(jobId, "work");
        node.GetProperty("status").GetString().ShouldBe("running");
        node.GetProperty("worker_id").GetString().ShouldBe("hand-off-worker");
        (await Jobs.EventsAsync(jobId)).Count(e => e.GetProperty("type").GetString() == "node_started").ShouldBe(1);

        (await worker.CompleteAsync(taskId, new { echoed = "handed" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Jobs.WaitForStatusAsync(jobId, "completed");
    }

    [Fact]
    public async Task HandedMessage_IsTheMessageAClaimStatementBuilds()
    {
        await using var workflow = await HandOffWorkflow.LoadAsync(App, Client);
        var worker = new RawWorker(App, "hand-off-compare");

        var claimedJob = await Jobs.SubmitOkAsync(HandOffWorkflow.Id, new { });
        var claimed = await worker.ClaimOneAsync(Queue);

        var waiting = worker.ClaimAsync(Queue, waitSeconds: 20);
        await WaitUntilWaitingAsync(worker.WorkerId);
        var pulse = App.Services.GetRequiredService<TaskSignal>().Next([Queue]);
        var handedJob = await Jobs.SubmitOkAsync(HandOffWorkflow.Id, new { });
        var handed = (await waiting.WaitAsync(TimeSpan.FromSeconds(20), Ct)).ShouldHaveSingleItem();
        pulse.IsCompleted.ShouldBeFalse("the second task was handed over, not claimed");

        claimed.GetProperty("job_id").GetGuid().ShouldBe(claimedJob);
        handed.GetProperty("job_id").GetGuid().ShouldBe(handedJob);
        var claimedFields = claimed.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var handedFields = handed.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        handedFields.Keys.Order().ShouldBe(claimedFields.Keys.Order());
        foreach (var same in new[] { "node_id", "handler", "queue", "params", "attempt", "max_attempts", "timeout_seconds", "workflow_id", "workflow_version", "checkpoint" })
        {
            JsonSerializer.Serialize(handedFields[same]).ShouldBe(JsonSerializer.Serialize(claimedFields[same]), same);
        }

        foreach (var differs in new[] { "task_id", "job_id", "correlation_id", "traceparent" })
        {
            handedFields[differs].ValueKind.ShouldBe(claimedFields[differs].ValueKind, differs);
        }

        var lease = handed.GetProperty("lease_expires_at").GetDateTimeOffset();
        lease.ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        (await App.ScalarAsync(
            $"SELECT count(*) FROM dagmaster.task_queue WHERE task_id = '{handed.GetProperty("task_id").GetString()}' AND lease_expires_at = '{lease:O}'::timestamptz"))
            .ShouldBe(1, "the message's lease is the row's");
    }

    [Fact]
    public async Task WaitingClaim_ForOtherHandlers_IsNotHandedTheTask()
    {
        await using var workflow = await HandOffWorkflow.LoadAsync(App, Client);
        var worker = new RawWorker(App, "hand-off-other-handler");
        var claim = worker.Client.PostAsJsonAsync(
            "/api/v1/worker/tasks/claim",
            new { worker_id = worker.WorkerId, queues = new[] { Queue }, handlers = new[] { "not_echo" }, max_tasks = 1, wait_seconds = 2 },
            Ct);
        await WaitUntilWaitingAsync(worker.WorkerId);

        var jobId = await Jobs.SubmitOkAsync(HandOffWorkflow.Id, new { });

        (await claim).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Jobs.NodeAsync(jobId, "work")).GetProperty("status").GetString().ShouldBe("dispatched");
        var task = await new RawWorker(App, "hand-off-echo").ClaimOneAsync(Queue);
        task.GetProperty("job_id").GetGuid().ShouldBe(jobId);
    }

    private Task WaitUntilWaitingAsync(string workerId) =>
        Poll.UntilAsync(
            () => Task.FromResult(App.Services.GetRequiredService<WaitingClaims>().Workers),
            workers => workers.Contains(workerId),
            $"a claim of {workerId} to wait",
            timeoutSeconds: 20,
            intervalSeconds: 0.01);

    /// <summary>A one-task workflow on a queue of its own, so no other test's claim can take its tasks.</summary>
    private sealed class HandOffWorkflow(DagMasterAppFixture app, string path) : IAsyncDisposable
    {
        public const string Id = "hand_off_tests";

        public static async Task<HandOffWorkflow> LoadAsync(DagMasterAppFixture app, HttpClient client)
        {
            var path = Path.Combine(app.WorkflowsDirectory, $"zz_{Id}.yaml");
            await File.WriteAllTextAsync(path, $"""
                workflow_id: {Id}
                name: {Id}
                version: 1
                nodes:
                  START:
                    type: start
                    next: work
                  work:
                    type: task
                    handler: echo
                    queue: {Queue}
                    params:
                      message: hand-off
                    next: END
                  END:
                    type: end
                """, Ct);
            (await client.PostAsync("/api/v1/workflows/reload", null, Ct)).EnsureSuccessStatusCode();
            return new HandOffWorkflow(app, path);
        }

        public async ValueTask DisposeAsync()
        {
            File.Delete(path);
            await app.ExecuteSqlAsync($"DELETE FROM dagmaster.task_queue WHERE queue = '{Queue}'");
            await app.ExecuteSqlAsync($"DELETE FROM dagmaster.workflow_versions WHERE workflow_id = '{Id}'");
        }
    }
}
