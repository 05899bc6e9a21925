using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DagMaster.Application.Jobs.GetJobGraph;
using DagMaster.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.IntegrationTests.Jobs;

/// <summary>
/// <c>POST /api/v1/worker/tasks/results</c>: many results in one call, applied together across jobs, each with its
/// own outcome; a call with one bad result is refused whole.
/// </summary>
public sealed class WorkerResultsTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private JobsApi Jobs => new(Client);

    [Fact]
    public async Task ReportResults_ForSeveralJobsInOneCall_AppliesEachAndAnswersEachOutcome()
    {
        var jobIds = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            jobIds.Add(await Jobs.SubmitOkAsync("echo_test", new { message = $"bulk-{i}" }));
        }

        var worker = new RawWorker(App);
        var tasks = (await worker.ClaimTasksOfAsync(jobIds, 3)).ToDictionary(t => t.GetProperty("job_id").GetGuid(), t => t.GetProperty("task_id").GetString()!);
        var unknownJobTask = $"{Guid.NewGuid()}:echo_handler:1";
        var earlierAttempt = $"{jobIds[2]}:echo_handler:7";

        var response = await worker.ReportAsync(
            new { task_id = tasks[jobIds[0]], output = new { echoed = "zero" }, duration_ms = 3 },
            new { task_id = tasks[jobIds[1]], error = new { message = "corrupt tile", type = "bad_input", retryable = false }, duration_ms = 4 },
            new { task_id = unknownJobTask, output = new { } },
            new { task_id = earlierAttempt, output = new { } },
            new { task_id = tasks[jobIds[2]], output = new { echoed = "two" } });

        var outcomes = (await response.ReadJsonAsync(200)).GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("task_id").GetString(), r.GetProperty("outcome").GetString()))
            .ToList();
        outcomes.ShouldBe([
            (tasks[jobIds[0]], "applied"), (tasks[jobIds[1]], "applied"), (unknownJobTask, "not_found"), (earlierAttempt, "stale"),
            (tasks[jobIds[2]], "applied"),
        ]);

        var zero = await Jobs.GetAsync(jobIds[0]);
        zero.GetProperty("status").GetString().ShouldBe("completed");
        zero.GetProperty("result").GetProperty("echo_handler").GetProperty("echoed").GetString().ShouldBe("zero");
        var one = await Jobs.GetAsync(jobIds[1]);
        one.GetProperty("status").GetString().ShouldBe("failed");
        one.GetProperty("error").GetString()!.ShouldContain("corrupt tile");
        (await Jobs.GetAsync(jobIds[2])).GetProperty("result").GetProperty("echo_handler").GetProperty("echoed").GetString().ShouldBe("two");
        (await Jobs.EventsAsync(jobIds[2])).ShouldContain(e => e.GetProperty("type").GetString() == "stale_result_ignored");

        // A repeat is acknowledged and changes nothing.
        var repeat = await worker.ReportAsync(new { task_id = tasks[jobIds[0]], output = new { echoed = "again" } });
        (await repeat.ReadJsonAsync(200)).GetProperty("results")[0].GetProperty("outcome").GetString().ShouldBe("ignored");
        (await Jobs.GetAsync(jobIds[0])).GetProperty("result").GetProperty("echo_handler").GetProperty("echoed").GetString().ShouldBe("zero");
    }

    [Fact]
    public async Task Results_WhenTheWorkerTellsItsDurationAndId_TheTimelineKeepsThem()
    {
        var jobIds = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            jobIds.Add(await Jobs.SubmitOkAsync("echo_test", new { message = $"timed-{i}" }));
        }

        var worker = new RawWorker(App, workerId: "timed-worker");
        var tasks = (await worker.ClaimTasksOfAsync(jobIds, 4)).ToDictionary(t => t.GetProperty("job_id").GetGuid(), t => t.GetProperty("task_id").GetString()!);

        (await worker.CompleteAsync(tasks[jobIds[0]], new { })).IsSuccessStatusCode.ShouldBeTrue();
        (await worker.FailAsync(tasks[jobIds[1]], "broken", retryable: false)).IsSuccessStatusCode.ShouldBeTrue();
        (await worker.ReportAsync(
            new { task_id = tasks[jobIds[2]], output = new { }, duration_ms = 42 },
            new { task_id = tasks[jobIds[3]], output = new { } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await AttemptEventAsync(jobIds[0], "node_completed")).ShouldBe((5L, "timed-worker"));
        (await AttemptEventAsync(jobIds[1], "node_failed")).ShouldBe((5L, "timed-worker"));
        (await AttemptEventAsync(jobIds[2], "node_completed")).ShouldBe((42L, "timed-worker"));
        (await AttemptEventAsync(jobIds[3], "node_completed")).ShouldBe(((long?)null, "timed-worker"));
    }

    [Fact]
    public async Task NodeView_ShowsTheClaimingWorker_ThenTheDurationAndWorkerTheResultTold()
    {
        var jobIds = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            jobIds.Add(await Jobs.SubmitOkAsync("echo_test", new { message = $"node-view-{i}" }));
        }

        var claimer = new RawWorker(App, workerId: "claiming-worker");
        var tasks = (await claimer.ClaimTasksOfAsync(jobIds, 3)).ToDictionary(t => t.GetProperty("job_id").GetGuid(), t => t.GetProperty("task_id").GetString()!);
        var running = await Jobs.NodeAsync(jobIds[0], "echo_handler");
        running.GetProperty("status").GetString().ShouldBe("running");
        running.GetProperty("worker_id").GetString().ShouldBe("claiming-worker");
        running.GetProperty("duration_ms").ValueKind.ShouldBe(JsonValueKind.Null);

        // The result's own worker id wins (a worker pool may claim for its processes); one that tells none keeps the claimer.
        (await new RawWorker(App, workerId: "reporting-worker").CompleteAsync(tasks[jobIds[0]], new { })).IsSuccessStatusCode.ShouldBeTrue();
        (await new RawWorker(App, workerId: "failing-worker").FailAsync(tasks[jobIds[1]], "broken", retryable: false)).IsSuccessStatusCode.ShouldBeTrue();
        (await claimer.Client.PostAsJsonAsync($"/api/v1/worker/tasks/{Uri.EscapeDataString(tasks[jobIds[2]])}/complete", new { output = new { }, duration_ms = 1234 },
            TestContext.Current.CancellationToken)).IsSuccessStatusCode.ShouldBeTrue();

        await NodeRunShouldBeAsync(jobIds[0], "completed", 5, "reporting-worker");
        await NodeRunShouldBeAsync(jobIds[1], "failed", 5, "failing-worker");
        await NodeRunShouldBeAsync(jobIds[2], "completed", 1234, "claiming-worker");
    }

    [Fact]
    public async Task ReportResults_WhenOneResultIsInvalid_RefusesTheCallAndAppliesNone()
    {
        var jobIds = new List<Guid> { await Jobs.SubmitOkAsync("echo_test", new { message = "a" }), await Jobs.SubmitOkAsync("echo_test", new { message = "b" }) };
        var worker = new RawWorker(App);
        var tasks = (await worker.ClaimTasksOfAsync(jobIds, 2)).Select(t => t.GetProperty("task_id").GetString()!).ToList();

        var response = await worker.ReportAsync(
            new { task_id = tasks[0], output = new { fine = true } },
            new { task_id = tasks[1], output = new[] { 1, 2, 3 } });

        var problem = await response.ReadProblemAsync(422);
        problem.GetProperty("errors").EnumerateObject().ShouldContain(e => e.Name.Contains("output") && e.Value[0].GetString()!.Contains("JSON object"));
        foreach (var jobId in jobIds)
        {
            (await Jobs.NodeAsync(jobId, "echo_handler")).GetProperty("status").GetString().ShouldBe("running");
        }

        (await worker.ReportAsync(new { task_id = tasks[0], output = new { }, error = new { message = "both" } })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await worker.ReportAsync(new { task_id = tasks[0] }, new { task_id = tasks[0] })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await worker.ReportAsync()).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Jobs.NodeAsync(jobIds[0], "echo_handler")).GetProperty("status").GetString().ShouldBe("running");
    }

    [Fact]
    public async Task ReportResults_ForManyJobsAtOnce_CompletesEveryJob()
    {
        // Concurrent calls for 40 jobs go through the group commit together: every job ends, none is lost or doubled.
        var jobIds = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            jobIds.Add(await Jobs.SubmitOkAsync("echo_test", new { message = $"many-{i}" }));
        }

        var worker = new RawWorker(App);
        var tasks = await worker.ClaimTasksOfAsync(jobIds, 40);
        var calls = tasks.Chunk(5).Select(chunk => worker.ReportAsync(
            chunk.Select(t => (object)new { task_id = t.GetProperty("task_id").GetString(), output = new { job = t.GetProperty("job_id").GetString() } }).ToArray()));
        foreach (var answer in await Task.WhenAll(calls))
        {
            (await answer.ReadJsonAsync(200)).GetProperty("results").EnumerateArray().ShouldAllBe(r => r.GetProperty("outcome").GetString() == "applied");
        }

        foreach (var jobId in jobIds)
        {
            var job = await Jobs.GetAsync(jobId);
            job.GetProperty("status").GetString().ShouldBe("completed");
            job.GetProperty("result").GetProperty("echo_handler").GetProperty("job").GetString().ShouldBe(jobId.ToString());
            (await Jobs.EventsAsync(jobId)).Count(e => e.GetProperty("type").GetString() == "job_completed").ShouldBe(1);
        }
    }

    /// <summary>The node list and the job graph (the admin job page's nodes table) both show the attempt's run.</summary>
    private async Task NodeRunShouldBeAsync(Guid jobId, string status, long durationMs, string workerId)
    {
        var node = await Jobs.NodeAsync(jobId, "echo_handler");
        node.GetProperty("status").GetString().ShouldBe(status);
        node.GetProperty("duration_ms").GetInt64().ShouldBe(durationMs);
        node.GetProperty("worker_id").GetString().ShouldBe(workerId);

        await using var scope = App.Services.CreateAsyncScope();
        var graph = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetJobGraphQuery(jobId), TestContext.Current.CancellationToken);
        var state = graph!.Nodes.Single(n => n.NodeId == "echo_handler");
        (state.DurationMs, state.WorkerId).ShouldBe((durationMs, workerId));
    }

    private async Task<(long? DurationMs, string? WorkerId)> AttemptEventAsync(Guid jobId, string type)
    {
        var data = (await Jobs.EventsAsync(jobId)).Single(e => e.GetProperty("type").GetString() == type && e.GetProperty("node_id").GetString() == "echo_handler")
            .GetProperty("data");
        return (data.TryGetProperty("duration_ms", out var ms) ? ms.GetInt64() : null,
            data.TryGetProperty("worker_id", out var worker) ? worker.GetString() : null);
    }
}
