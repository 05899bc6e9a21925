using System.Net.Http.Json;
using System.Text.Json;

namespace DagMaster.FaultTests.Infrastructure;

/// <summary>DagMaster as its own process on a database of the fault cluster, with no embedded worker.</summary>
public sealed class DagMasterNode : IAsyncDisposable
{
    public const string AdminKey = "fault-admin-key";
    public const string WorkerKey = "fault-worker-key";

    private readonly Dictionary<string, string> _environment;
    private ChildProcess? _process;

    public DagMasterNode(string connectionString, string workflowsDirectory, double leaseSeconds)
    {
        Port = FreePort.Next();
        Url = new Uri($"http://127.0.0.1:{Port}/");
        Client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        _environment = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = connectionString,
            ["AUTO_BOOTSTRAP_SCHEMA"] = "true",
            ["WORKFLOWS_DIR"] = workflowsDirectory,
            ["WORKER_KEYS"] = WorkerKey,
            ["ADMIN_KEYS"] = AdminKey,
            ["EMBEDDED_WORKER"] = "false",
            ["RETENTION_DAYS"] = "0",
            ["WORKER_LEASE_SECONDS"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ORCHESTRATOR_POLL_INTERVAL"] = "0.2",
            ["LOG_LEVEL"] = "WARNING",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
    }

    public int Port { get; }

    public Uri Url { get; }

    public HttpClient Client { get; }

    public string Output => _process?.Tail() ?? string.Empty;

    /// <summary>Starts the process and waits for <c>/readyz</c> to answer 200.</summary>
    public async Task StartAsync()
    {
        _process = ChildProcess.Start(Repository.DagMasterDll, _environment, "--urls", Url.ToString().TrimEnd('/'));
        await Poll.UntilAsync(
            async () => !_process.HasExited && await ReadinessAsync() == 200,
            ready => ready || _process.HasExited,
            "DagMaster to be ready",
            90,
            () => _process.Tail());
        _process.HasExited.ShouldBeFalse(_process.Tail());
    }

    /// <summary>The status <c>/readyz</c> answers, or 0 when nothing answers.</summary>
    public async Task<int> ReadinessAsync()
    {
        try
        {
            using var response = await Client.GetAsync("readyz");
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    public async Task KillAsync()
    {
        await _process!.KillAsync();
        await _process.DisposeAsync();
        _process = null;
    }

    public async Task<Guid> SubmitAsync(string workflowId, object inputs)
    {
        using var response = await Client.PostAsJsonAsync("api/v1/jobs", new { workflow_id = workflowId, inputs });
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(201, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("job_id").GetGuid();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Client.Dispose();
    }
}
