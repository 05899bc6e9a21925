using System.Net.Http.Json;
using System.Text.Json;
using DagMaster.TestSupport;

namespace DagMaster.UiTests.Infrastructure;

/// <summary>Submits jobs through the public API, as a B2B application would.</summary>
public static class JobsApi
{
    public static async Task<Guid> SubmitAsync(UiAppFixture app, string workflowId, object inputs, string? correlationId = null)
    {
        using var client = ApiClient(app);
        using var response = await client.PostAsJsonAsync(
            "/api/v1/jobs", new { workflow_id = workflowId, inputs, correlation_id = correlationId }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(201, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("job_id").GetGuid();
    }

    public static async Task<string> StatusAsync(UiAppFixture app, Guid jobId)
    {
        using var client = ApiClient(app);
        var body = await client.GetStringAsync($"/api/v1/jobs/{jobId}", TestContext.Current.CancellationToken);
        return JsonDocument.Parse(body).RootElement.GetProperty("status").GetString()!;
    }

    public static async Task CancelAsync(UiAppFixture app, Guid jobId)
    {
        using var client = ApiClient(app);
        using var _ = await client.PostAsync($"/api/v1/jobs/{jobId}/cancel", null, TestContext.Current.CancellationToken);
    }

    /// <summary>Waits until the job's node <paramref name="nodeId"/> runs (a worker holds it).</summary>
    public static async Task WaitForRunningNodeAsync(UiAppFixture app, Guid jobId, string nodeId)
    {
        using var client = ApiClient(app);
        await Poll.UntilAsync(
            async () => JsonDocument.Parse(await client.GetStringAsync($"/api/v1/jobs/{jobId}/nodes", TestContext.Current.CancellationToken))
                .RootElement.GetProperty("items").EnumerateArray()
                .Any(n => n.GetProperty("node_id").GetString() == nodeId && n.GetProperty("status").GetString() == "running"),
            running => running,
            $"node {nodeId} of job {jobId} to run",
            timeoutSeconds: 30,
            intervalSeconds: 0.2);
    }

    /// <summary>An API client with the operator key: every /api/v1 call needs a credential.</summary>
    private static HttpClient ApiClient(UiAppFixture app)
    {
        var client = new HttpClient { BaseAddress = app.ServerAddress };
        client.DefaultRequestHeaders.Add(TestHostSettings.ApiKeyHeader, TestHostSettings.AdminKey);
        return client;
    }
}
