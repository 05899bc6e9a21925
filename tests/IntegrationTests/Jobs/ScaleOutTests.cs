using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Jobs;

/// <summary>Several DagMaster instances share one database; row locks and SKIP LOCKED keep them apart.</summary>
public sealed class ScaleOutTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private const int JobCount = 200;

    [Fact]
    public async Task TwoHosts_When200JobsRunThroughBoth_NoTaskIsDispatchedOrClaimedTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var second = new AdditionalHost(App);
        var hosts = new[] { App.CreateClient(), second.CreateClient() };

        var submissions = Enumerable.Range(0, JobCount).Select(async i =>
        {
            var response = await hosts[i % 2].PostAsJsonAsync("/api/v1/jobs", new { workflow_id = "echo_test", inputs = new { message = $"job {i}" } }, ct);
            return (await response.ReadJsonAsync(201)).GetProperty("job_id").GetGuid();
        });
        var jobIds = (await Task.WhenAll(submissions)).ToHashSet();

        var claims = new ConcurrentBag<string>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var workers = Enumerable.Range(0, 6).Select(w => RunWorkerAsync(hosts[w % 2], $"worker-{w}", claims, stop.Token)).ToList();
        await Poll.UntilAsync(() => App.ScalarAsync("SELECT count(*) FROM dagmaster.jobs WHERE status = 'Completed'"), n => n == JobCount, "all jobs to complete", 60);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var duplicateClaims = claims.GroupBy(c => c).Count(g => g.Count() > 1);
        var dispatched = await App.ScalarAsync("SELECT count(*) FROM dagmaster.job_events WHERE type = 'node_dispatched'");
        var distinctDispatched = await App.ScalarAsync("SELECT count(DISTINCT data->>'task_id') FROM dagmaster.job_events WHERE type = 'node_dispatched'");
        var started = await App.ScalarAsync("SELECT count(*) FROM dagmaster.job_events WHERE type = 'node_started'");
        TestContext.Current.TestOutputHelper!.WriteLine(
            $"jobs={jobIds.Count} claims={claims.Count} duplicate_claims={duplicateClaims} dispatched={dispatched} distinct_dispatched={distinctDispatched} started={started}");

        jobIds.Count.ShouldBe(JobCount);
        claims.Count.ShouldBe(JobCount);
        duplicateClaims.ShouldBe(0);
        dispatched.ShouldBe(JobCount);
        distinctDispatched.ShouldBe(JobCount);
        started.ShouldBe(JobCount);
        (await App.ScalarAsync("SELECT count(*) FROM dagmaster.task_queue")).ShouldBe(0);
    }

    private static async Task RunWorkerAsync(HttpClient host, string workerId, ConcurrentBag<string> claims, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestHostSettings.WorkerKey);
        while (!stop.IsCancellationRequested)
        {
            HttpResponseMessage response;
            try
            {
                response = await client.PostAsJsonAsync(
                    "/api/v1/worker/tasks/claim", new { worker_id = workerId, queues = new[] { "dag-worker-tasks" }, max_tasks = 10, wait_seconds = 1 }, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                continue;
            }

            var tasks = JsonDocument.Parse(await response.Content.ReadAsStringAsync(stop)).RootElement.EnumerateArray().ToList();
            foreach (var task in tasks)
            {
                var taskId = task.GetProperty("task_id").GetString()!;
                claims.Add(taskId);
                var done = await client.PostAsJsonAsync($"/api/v1/worker/tasks/{taskId}/complete", new { output = new { echoed = true }, duration_ms = 1 }, CancellationToken.None);
                done.StatusCode.ShouldBe(HttpStatusCode.NoContent);
            }
        }
    }
}
