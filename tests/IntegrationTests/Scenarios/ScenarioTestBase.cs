using System.Text.Json;
using System.Text.RegularExpressions;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Scenarios;

/// <summary>
/// A scenario submits a small workflow written in the test and drives it by hand. Workflows are
/// registered through the real reload endpoint and removed again (file and catalog rows) when the
/// test ends, so the shipped catalog other tests assert on stays as it was.
/// </summary>
public abstract partial class ScenarioTestBase(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private readonly List<(string Path, string WorkflowId)> _registered = [];
    private RawWorker? _worker;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected JobsApi Jobs => new(Client);

    protected RawWorker Worker => _worker ??= new RawWorker(App);

    /// <summary>Writes the workflow into the host's workflows folder and reloads; fails the test if it is not accepted.</summary>
    protected async Task RegisterWorkflowAsync(string yaml)
    {
        var workflowId = WorkflowIdPattern().Match(yaml) is { Success: true } match
            ? match.Groups[1].Value
            : throw new ArgumentException("the scenario YAML has no workflow_id", nameof(yaml));
        var fileName = $"scenario_{workflowId}.yaml";
        var path = Path.Combine(App.WorkflowsDirectory, fileName);
        await File.WriteAllTextAsync(path, yaml, Ct);
        _registered.Add((path, workflowId));

        var json = await (await Client.PostAsync("/api/v1/workflows/reload", null, Ct)).ReadJsonAsync(200);

        var rejected = json.GetProperty("rejected").EnumerateArray().Where(r => r.GetProperty("file").GetString() == fileName).ToList();
        rejected.ShouldBeEmpty($"the scenario workflow {workflowId} was rejected: {string.Join("; ", rejected.Select(r => r.GetProperty("errors").ToString()))}");
        json.GetProperty("registered").EnumerateArray().Concat(json.GetProperty("unchanged").EnumerateArray())
            .Select(r => r.GetProperty("file").GetString())
            .ShouldContain(fileName);
    }

    /// <summary>Submits a job and returns its id (201 expected).</summary>
    protected async Task<Guid> SubmitAsync(string workflowId, object? inputs = null, int? priority = null)
    {
        var body = await (await Jobs.SubmitAsync(new { workflow_id = workflowId, inputs = inputs ?? new { }, priority })).ReadJsonAsync(201);
        return body.GetProperty("job_id").GetGuid();
    }

    /// <summary>Claims everything the queue offers now (up to <paramref name="max"/>), waiting at most <paramref name="waitSeconds"/> for the first task.</summary>
    protected Task<IReadOnlyList<JsonElement>> ClaimAsync(string queue, int max = 10, double waitSeconds = 0) =>
        Worker.ClaimAsync(queue, max, waitSeconds);

    /// <summary>Claims exactly one task of <paramref name="queue"/> (waiting up to 5 s) and checks which node it runs.</summary>
    protected async Task<JsonElement> ClaimNodeAsync(string queue, string nodeId, double waitSeconds = 5)
    {
        var tasks = await Worker.ClaimAsync(queue, max: 10, waitSeconds);
        tasks.Select(NodeIdOf).ShouldBe([nodeId]);
        return tasks[0];
    }

    protected async Task CompleteAsync(JsonElement task, object output) =>
        (await Worker.CompleteAsync(TaskIdOf(task), output)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);

    protected async Task FailAsync(JsonElement task, string message, bool retryable) =>
        (await Worker.FailAsync(TaskIdOf(task), message, retryable)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);

    protected static string TaskIdOf(JsonElement task) => task.GetProperty("task_id").GetString()!;

    protected static string NodeIdOf(JsonElement task) => task.GetProperty("node_id").GetString()!;

    protected async Task<Dictionary<string, JsonElement>> NodesByIdAsync(Guid jobId) =>
        (await Jobs.NodesAsync(jobId)).GetProperty("items").EnumerateArray().ToDictionary(n => n.GetProperty("node_id").GetString()!);

    protected async Task<Dictionary<string, string>> NodeStatusesAsync(Guid jobId) =>
        (await NodesByIdAsync(jobId)).ToDictionary(p => p.Key, p => p.Value.GetProperty("status").GetString()!);

    /// <summary>Asserts every node's status, written as "node=status node=status …" (all nodes of the job, fan-out children included).</summary>
    protected async Task StatusesShouldBeAsync(Guid jobId, string expected)
    {
        var actual = await NodeStatusesAsync(jobId);
        var wanted = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        string Show(IReadOnlyDictionary<string, string> statuses) => string.Join(" ", statuses.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        Show(actual).ShouldBe(Show(wanted));
    }

    protected static List<JsonElement> OfType(IEnumerable<JsonElement> events, string type, string? nodeId = null) =>
        events.Where(e => e.GetProperty("type").GetString() == type
            && (nodeId is null || (e.TryGetProperty("node_id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == nodeId)))
            .ToList();

    public override async ValueTask DisposeAsync()
    {
        foreach (var (path, workflowId) in _registered)
        {
            File.Delete(path);
            await App.ExecuteSqlAsync($"DELETE FROM dagmaster.workflow_versions WHERE workflow_id = '{workflowId}'");
        }

        _worker?.Client.Dispose();
        await base.DisposeAsync();
    }

    [GeneratedRegex(@"^workflow_id:\s*([a-z][a-z0-9_.-]*)\s*$", RegexOptions.Multiline)]
    private static partial Regex WorkflowIdPattern();
}
