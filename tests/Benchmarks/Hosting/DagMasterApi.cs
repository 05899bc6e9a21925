using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DagMaster.Benchmarks.Hosting;

/// <summary>The public API as a B2B client calls it, with the bench admin key on every call.</summary>
public sealed class DagMasterApi : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;

    public DagMasterApi(Uri baseUrl)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseProxy = false };
        _http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(10) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", BenchSettings.AdminKey);
    }

    /// <summary>Submits a job; returns its id and the call's latency.</summary>
    public async Task<(Guid JobId, TimeSpan Latency)> SubmitAsync(string workflowId, string inputsJson, CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"workflow_id\":\"{workflowId}\",\"inputs\":{inputsJson}}}"));
        content.Headers.ContentType = Json;
        var start = Stopwatch.GetTimestamp();
        using var response = await _http.PostAsync("api/v1/jobs", content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var latency = Stopwatch.GetElapsedTime(start);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new HttpRequestException($"POST /api/v1/jobs answered {(int)response.StatusCode}: {Truncate(body)}", null, response.StatusCode);
        }

        using var job = JsonDocument.Parse(body);
        return (job.RootElement.GetProperty("job_id").GetGuid(), latency);
    }

    /// <summary>GETs a path; returns the parsed body and the call's latency; a non-2xx answer throws.</summary>
    public async Task<(JsonDocument Body, TimeSpan Latency)> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await _http.GetAsync(path, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var latency = Stopwatch.GetElapsedTime(start);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}: {Truncate(Encoding.UTF8.GetString(body))}", null, response.StatusCode);
        }

        return (JsonDocument.Parse(body), latency);
    }

    public async Task CancelAsync(Guid jobId)
    {
        using var content = new StringContent("{\"reason\":\"benchmark time cap\"}", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync($"api/v1/jobs/{jobId}/cancel", content);
    }

    public void Dispose() => _http.Dispose();

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
