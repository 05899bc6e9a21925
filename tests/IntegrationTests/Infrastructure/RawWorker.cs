using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>Speaks the HTTP worker protocol by hand, so tests control every call a worker makes.</summary>
public sealed class RawWorker
{
    private readonly HttpClient _client;

    public RawWorker(WebApplicationFactory<Program> app, string workerId = "raw-worker", string key = TestHostSettings.WorkerKey)
    {
        _client = app.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        WorkerId = workerId;
    }

    public string WorkerId { get; }

    public HttpClient Client => _client;

    public async Task<IReadOnlyList<JsonElement>> ClaimAsync(string queue = "dag-worker-tasks", int max = 1, double waitSeconds = 5)
    {
        var response = await _client.PostAsJsonAsync(
            "/api/v1/worker/tasks/claim",
            new { worker_id = WorkerId, queues = new[] { queue }, max_tasks = max, wait_seconds = waitSeconds },
            TestContext.Current.CancellationToken);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return [];
        }

        var json = await response.ReadJsonAsync(200);
        return json.EnumerateArray().ToList();
    }

    public async Task<JsonElement> ClaimOneAsync(string queue = "dag-worker-tasks")
    {
        var tasks = await ClaimAsync(queue);
        tasks.Count.ShouldBe(1, $"expected one task on {queue}");
        return tasks[0];
    }

    public Task<HttpResponseMessage> CompleteAsync(string taskId, object output) =>
        _client.PostAsJsonAsync($"/api/v1/worker/tasks/{Uri.EscapeDataString(taskId)}/complete", new { output, duration_ms = 5, worker_id = WorkerId }, TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> FailAsync(string taskId, string message, bool retryable) =>
        _client.PostAsJsonAsync(
            $"/api/v1/worker/tasks/{Uri.EscapeDataString(taskId)}/fail",
            new { error = new { message, type = "test_failure", retryable }, duration_ms = 5, worker_id = WorkerId },
            TestContext.Current.CancellationToken);

    /// <summary>Several results in one call: each item is an anonymous object with task_id and output or error.</summary>
    public Task<HttpResponseMessage> ReportAsync(params object[] results) =>
        _client.PostAsJsonAsync("/api/v1/worker/tasks/results", new { worker_id = WorkerId, results }, TestContext.Current.CancellationToken);

    /// <summary>Claims until <paramref name="count"/> tasks of the given jobs are held (tasks of other jobs are left to their leases).</summary>
    public async Task<List<JsonElement>> ClaimTasksOfAsync(IReadOnlyCollection<Guid> jobIds, int count, string queue = "dag-worker-tasks")
    {
        var held = new List<JsonElement>();
        for (var round = 0; round < 20 && held.Count < count; round++)
        {
            var claimed = await ClaimAsync(queue, max: count - held.Count, waitSeconds: 1);
            held.AddRange(claimed.Where(t => jobIds.Contains(t.GetProperty("job_id").GetGuid())));
        }

        held.Count.ShouldBe(count, $"expected {count} tasks of the submitted jobs on {queue}");
        return held;
    }

    public Task<HttpResponseMessage> HeartbeatAsync(string taskId, object? progress = null) =>
        _client.PostAsJsonAsync($"/api/v1/worker/tasks/{Uri.EscapeDataString(taskId)}/heartbeat", new { progress }, TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> CheckpointAsync(string taskId, string phase, object state) =>
        _client.PostAsJsonAsync($"/api/v1/worker/tasks/{Uri.EscapeDataString(taskId)}/checkpoint", new { phase, state }, TestContext.Current.CancellationToken);
}
