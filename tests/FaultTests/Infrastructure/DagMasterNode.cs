using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DagMaster.TestSupport;

namespace DagMaster.FaultTests.Infrastructure;

/// <summary>DagMaster as its own process on a database of the fault cluster, with no embedded worker.</summary>
public sealed class DagMasterNode : IAsyncDisposable
{
    private readonly DagMasterProcess _process;

    public DagMasterNode(string connectionString, string workflowsDirectory, double leaseSeconds)
    {
        Url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        Client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add(TestHostSettings.ApiKeyHeader, TestHostSettings.AdminKey);
        var settings = TestHostSettings.OwnProcess(connectionString, workflowsDirectory);
        settings["WORKER_LEASE_SECONDS"] = leaseSeconds.ToString(CultureInfo.InvariantCulture);
        settings["ORCHESTRATOR_POLL_INTERVAL"] = "0.2";
        _process = new DagMasterProcess(Repository.DagMasterDll, Url, settings);
    }

    public Uri Url { get; }

    public HttpClient Client { get; }

    public string Output => _process.Output;

    /// <summary>Starts the process and waits for <c>/readyz</c> to answer 200.</summary>
    public Task StartAsync() => _process.StartAsync();

    /// <summary>The status <c>/readyz</c> answers, or 0 when nothing answers.</summary>
    public Task<int> ReadinessAsync() => _process.ReadinessAsync();

    public Task KillAsync() => _process.KillAsync();

    public async Task<Guid> SubmitAsync(string workflowId, object inputs)
    {
        using var response = await Client.PostAsJsonAsync("api/v1/jobs", new { workflow_id = workflowId, inputs });
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(201, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("job_id").GetGuid();
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Client.Dispose();
    }
}
