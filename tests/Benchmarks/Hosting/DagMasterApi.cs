using System.Diagnostics;
using System.Text.Json;
using DagMaster.Client;
using DagMaster.TestSupport;

namespace DagMaster.Benchmarks.Hosting;

/// <summary>
/// The public API as a B2B client calls it: the generated client (src/Client) with the bench admin key. Latencies
/// are measured around the client's call, so they include reading the answer into its typed models.
/// </summary>
public sealed class DagMasterApi : IDisposable
{
    private readonly HttpClient _http;

    public DagMasterApi(Uri baseUrl)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseProxy = false };
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(10) };
        Client = new DagMasterClient(_http, new DagMasterClientOptions { BaseAddress = baseUrl, ApiKey = TestHostSettings.AdminKey });
    }

    public DagMasterClient Client { get; }

    /// <summary>Submits a job; returns its id and the call's latency.</summary>
    public async Task<(Guid JobId, TimeSpan Latency)> SubmitAsync(string workflowId, string inputsJson, CancellationToken cancellationToken = default)
    {
        using var inputs = JsonDocument.Parse(inputsJson);
        var request = new SubmitJobRequest { WorkflowId = workflowId, Inputs = inputs.RootElement };
        var (job, latency) = await TimedAsync(ct => Client.SubmitJobAsync(request, cancellationToken: ct), cancellationToken);
        return (job.JobId ?? throw new InvalidOperationException("POST /api/v1/jobs answered no job_id"), latency);
    }

    /// <summary>Reads a job; returns it and the call's latency.</summary>
    public Task<(JobDetailsDto Job, TimeSpan Latency)> GetJobAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        TimedAsync(ct => Client.GetJobAsync(jobId, ct), cancellationToken);

    /// <summary>Cancels a job; one that has already ended (409) is left as it is.</summary>
    public async Task CancelAsync(Guid jobId)
    {
        try
        {
            await Client.CancelJobAsync(jobId, new CancelJobRequest { Reason = "benchmark time cap" });
        }
        catch (DagMasterApiException)
        {
        }
    }

    /// <summary>Runs one call and measures it; an error answer throws <see cref="DagMasterApiException"/>.</summary>
    public static async Task<(T Answer, TimeSpan Latency)> TimedAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        var answer = await call(cancellationToken);
        return (answer, Stopwatch.GetElapsedTime(start));
    }

    public void Dispose() => _http.Dispose();
}
