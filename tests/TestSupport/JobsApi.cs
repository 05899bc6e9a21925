using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace DagMaster.TestSupport;

/// <summary>The jobs API as a client calls it.</summary>
public sealed class JobsApi(HttpClient client)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<HttpResponseMessage> SubmitAsync(object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request, Ct);
    }

    public async Task<Guid> SubmitOkAsync(string workflowId, object inputs)
    {
        var json = await (await SubmitAsync(new { workflow_id = workflowId, inputs })).ReadJsonAsync(201);
        return json.GetProperty("job_id").GetGuid();
    }

    public async Task<JsonElement> GetAsync(Guid jobId) => await (await client.GetAsync($"/api/v1/jobs/{jobId}", Ct)).ReadJsonAsync(200);

    public async Task<JsonElement> NodesAsync(Guid jobId) => await (await client.GetAsync($"/api/v1/jobs/{jobId}/nodes", Ct)).ReadJsonAsync(200);

    public async Task<JsonElement> NodeAsync(Guid jobId, string nodeId) =>
        (await NodesAsync(jobId)).GetProperty("items").EnumerateArray().Single(n => n.GetProperty("node_id").GetString() == nodeId);

    public async Task<List<JsonElement>> EventsAsync(Guid jobId) =>
        (await (await client.GetAsync($"/api/v1/jobs/{jobId}/events", Ct)).ReadJsonAsync(200)).GetProperty("items").EnumerateArray().ToList();

    public Task<JsonElement> WaitForStatusAsync(Guid jobId, string status, double timeoutSeconds = 15, double intervalSeconds = 0.025) =>
        Poll.UntilAsync(() => GetAsync(jobId), j => j.GetProperty("status").GetString() == status, $"job {jobId} to be {status}", timeoutSeconds, intervalSeconds);

    public Task<JsonElement> WaitForNodeAsync(Guid jobId, string nodeId, string status, double timeoutSeconds = 15) =>
        Poll.UntilAsync(() => NodeAsync(jobId, nodeId), n => n.GetProperty("status").GetString() == status, $"node {nodeId} to be {status}", timeoutSeconds);
}
