using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DagMaster.WorkerTests.TestSupport;

/// <summary>
/// An in-memory DagMaster speaking the worker protocol on loopback (Kestrel, a random port): long-poll claims,
/// heartbeats that can answer cancel or 410, checkpoints, results (alone and in <c>results</c> calls), and injected error
/// answers. Like the real
/// server it checks the worker key and refuses unknown JSON members; such refusals are listed in <see cref="ProtocolErrors"/>.
/// </summary>
internal sealed class FakeDagMaster : IAsyncDisposable
{
    public const string WorkerKey = "test-worker-key";

    private static readonly Dictionary<string, string[]> s_allowedMembers = new()
    {
        ["claim"] = ["worker_id", "queues", "handlers", "max_tasks", "wait_seconds"],
        ["heartbeat"] = ["progress"],
        ["checkpoint"] = ["phase", "state", "progress"],
        ["complete"] = ["output", "duration_ms", "worker_id"],
        ["fail"] = ["error", "duration_ms", "worker_id"],
        ["results"] = ["worker_id", "results"],
    };

    private static readonly string[] s_resultMembers = ["task_id", "output", "error", "duration_ms"];

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _pending = [];
    private readonly HashSet<string> _claimed = [];
    private readonly HashSet<string> _cancelled = [];
    private readonly HashSet<string> _gone = [];
    private readonly HashSet<string> _unknown = [];
    private readonly Dictionary<string, Queue<HttpStatusCode>> _injected = [];
    private readonly Dictionary<string, Queue<TaskCompletionSource>> _holds = [];
    private readonly List<TaskCompletionSource> _allHolds = [];
    private readonly List<RecordedCall> _calls = [];
    private readonly List<RecordedCall> _batchedResults = [];
    private readonly List<string> _protocolErrors = [];
    private int _activeClaims;
    private TaskCompletionSource _enqueued = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeDagMaster(WebApplication app)
    {
        _app = app;
        app.MapPost("/api/v1/worker/tasks/claim", (Delegate)ClaimAsync);
        app.MapPost("/api/v1/worker/tasks/results", (Delegate)ResultsAsync);
        app.MapPost("/api/v1/worker/tasks/{taskId}/{call}", (string taskId, string call, HttpContext http) => TaskCallAsync(taskId, call, http));
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<string> ProtocolErrors
    {
        get
        {
            lock (_gate)
            {
                return [.. _protocolErrors];
            }
        }
    }

    /// <summary>Claims being answered now (long polls waiting for a task).</summary>
    public int ActiveClaims => Volatile.Read(ref _activeClaims);

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public static async Task<FakeDagMaster> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new FakeDagMaster(builder.Build());
        await server._app.StartAsync(TestContext.Current.CancellationToken);
        server.BaseUrl = new Uri(server._app.Urls.Single());
        return server;
    }

    /// <summary>Queues a task message; a waiting long-poll claim returns it at once.</summary>
    public void Enqueue(string taskId, string handler, JsonObject? parameters = null, int? timeoutSeconds = 60, JsonObject? checkpoint = null)
    {
        var task = new JsonObject
        {
            ["task_id"] = taskId,
            ["job_id"] = "job-1",
            ["node_id"] = taskId,
            ["handler"] = handler,
            ["queue"] = "test-queue",
            ["params"] = parameters ?? [],
            ["attempt"] = 1,
            ["max_attempts"] = 3,
            ["timeout_seconds"] = timeoutSeconds,
            ["correlation_id"] = "corr-1",
            ["workflow_id"] = "test_workflow",
            ["workflow_version"] = 1,
            ["checkpoint"] = checkpoint,
        };
        lock (_gate)
        {
            _pending.Add(task);
            _enqueued.TrySetResult();
            _enqueued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Knows the task as handed out without a claim (tasks that arrive over Service Bus): its calls are answered.</summary>
    public void Admit(string taskId)
    {
        lock (_gate)
        {
            _claimed.Add(taskId);
        }
    }

    /// <summary>From now on heartbeats of the task answer <c>cancel: true</c>.</summary>
    public void CancelTask(string taskId)
    {
        lock (_gate)
        {
            _cancelled.Add(taskId);
        }
    }

    /// <summary>From now on heartbeats and checkpoints of the task answer 410.</summary>
    public void MarkGone(string taskId)
    {
        lock (_gate)
        {
            _gone.Add(taskId);
        }
    }

    /// <summary>From now on results of the task answer as for a task DagMaster does not know (404, <c>not_found</c>).</summary>
    public void ForgetResultsOf(string taskId)
    {
        lock (_gate)
        {
            _unknown.Add(taskId);
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> calls of kind <paramref name="call"/> (of <paramref name="taskId"/> only, when
    /// given) answer <paramref name="status"/>.
    /// </summary>
    public void AnswerNext(string call, HttpStatusCode status, int times = 1, string? taskId = null)
    {
        var key = taskId is null ? call : $"{call}:{taskId}";
        lock (_gate)
        {
            if (!_injected.TryGetValue(key, out var queue))
            {
                _injected[key] = queue = new Queue<HttpStatusCode>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(status);
            }
        }
    }

    /// <summary>The next call of kind <paramref name="call"/> is recorded, then answered only once the returned source is set.</summary>
    public TaskCompletionSource HoldNext(string call)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (!_holds.TryGetValue(call, out var queue))
            {
                _holds[call] = queue = new Queue<TaskCompletionSource>();
            }

            queue.Enqueue(release);
            _allHolds.Add(release);
        }

        return release;
    }

    public IReadOnlyList<RecordedCall> CallsTo(string call, string? taskId = null) =>
        [.. Calls.Where(c => c.Call == call && (taskId is null || c.TaskId == taskId))];

    /// <summary>
    /// The accepted results of a task: its 2xx <c>complete</c>/<c>fail</c> calls, and its results in accepted
    /// <c>results</c> calls (as a <c>complete</c> or <c>fail</c> whose body is the result with the call's <c>worker_id</c>).
    /// </summary>
    public IReadOnlyList<RecordedCall> ResultsFor(string taskId)
    {
        lock (_gate)
        {
            return [.. _calls.Concat(_batchedResults).Where(c => c.TaskId == taskId && c.Call is "complete" or "fail" && c.Status < 300)];
        }
    }

    /// <summary>The task ids of each <c>results</c> call, with the status it was answered.</summary>
    public IReadOnlyList<(string[] TaskIds, int Status)> ResultsCalls() =>
        [.. CallsTo("results").Select(c => (c.Body["results"]!.AsArray().Select(r => r!["task_id"]!.GetValue<string>()).ToArray(), c.Status))];

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _allHolds.ForEach(h => h.TrySetResult()); // a failed test may leave a call held
        }

        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task<IResult> ClaimAsync(HttpContext http)
    {
        Interlocked.Increment(ref _activeClaims);
        try
        {
            return await AnswerClaimAsync(http);
        }
        finally
        {
            Interlocked.Decrement(ref _activeClaims);
        }
    }

    private async Task<IResult> AnswerClaimAsync(HttpContext http)
    {
        var (body, refusal) = await ReceiveAsync("claim", null, http);
        if (refusal is not null)
        {
            return refusal;
        }

        var maxTasks = body!["max_tasks"]?.GetValue<int>() ?? 0;
        var waitSeconds = body["wait_seconds"]?.GetValue<double>() ?? 0;
        if (maxTasks is < 1 or > 100 || waitSeconds is < 0 or > 30)
        {
            return ProtocolError($"claim: max_tasks {maxTasks} / wait_seconds {waitSeconds} out of range");
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(waitSeconds);
        while (true)
        {
            Task enqueued;
            lock (_gate)
            {
                if (_pending.Count > 0)
                {
                    var tasks = _pending.Take(maxTasks).ToList();
                    _pending.RemoveRange(0, tasks.Count);
                    var answer = new JsonArray();
                    foreach (var task in tasks)
                    {
                        _claimed.Add(task["task_id"]!.GetValue<string>());
                        task["lease_expires_at"] = DateTimeOffset.UtcNow.AddSeconds(60).ToString("O");
                        answer.Add(task);
                    }

                    return Results.Content(answer.ToJsonString(), "application/json");
                }

                enqueued = _enqueued.Task;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return Results.NoContent();
            }

            try
            {
                await enqueued.WaitAsync(remaining, http.RequestAborted);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                return Results.NoContent();
            }
        }
    }

    private async Task<IResult> ResultsAsync(HttpContext http)
    {
        var (body, refusal) = await ReceiveAsync("results", null, http);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body!["results"] is not JsonArray { Count: >= 1 and <= 500 } results
            || results.Any(r => r is not JsonObject item || item.Select(p => p.Key).Except(s_resultMembers).Any() || item["task_id"]?.GetValueKind() != JsonValueKind.String))
        {
            return ProtocolError("results: results must be 1..500 objects with task_id and only output, error, duration_ms");
        }

        if (results.Select(r => r!["task_id"]!.GetValue<string>()).Distinct().Count() != results.Count)
        {
            return ProtocolError("results: a task id appears more than once");
        }

        if (results.Any(r => r!["error"] is null ? r["output"]?.GetValueKind() != JsonValueKind.Object : !IsError(r["error"])))
        {
            return ProtocolError("results: each result has an object 'output' or an 'error' {message, type, retryable}");
        }

        var outcomes = new JsonArray();
        lock (_gate)
        {
            foreach (var result in results.Select(r => r!.AsObject()))
            {
                var taskId = result["task_id"]!.GetValue<string>();
                var known = _claimed.Contains(taskId) && !_unknown.Contains(taskId);
                if (known)
                {
                    var seen = result.DeepClone().AsObject();
                    seen["worker_id"] = body["worker_id"]?.DeepClone();
                    _batchedResults.Add(new RecordedCall(result["error"] is null ? "complete" : "fail", taskId, seen, 200));
                }

                outcomes.Add(new JsonObject { ["task_id"] = taskId, ["outcome"] = known ? "applied" : "not_found" });
            }
        }

        return Results.Content(new JsonObject { ["results"] = outcomes }.ToJsonString(), "application/json");
    }

    private static bool IsError(JsonNode? error) =>
        error is JsonObject { Count: 3 }
        && error["message"]?.GetValueKind() == JsonValueKind.String
        && error["type"]?.GetValueKind() == JsonValueKind.String
        && error["retryable"]?.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    private async Task<IResult> TaskCallAsync(string taskId, string call, HttpContext http)
    {
        if (!s_allowedMembers.ContainsKey(call) || call is "claim" or "results")
        {
            return Results.NotFound();
        }

        var (body, refusal) = await ReceiveAsync(call, taskId, http);
        if (refusal is not null)
        {
            return refusal;
        }

        lock (_gate)
        {
            if (!_claimed.Contains(taskId) || (call is "complete" or "fail" && _unknown.Contains(taskId)))
            {
                return Results.NotFound();
            }

            if (call is "heartbeat" or "checkpoint" && _gone.Contains(taskId))
            {
                return Results.StatusCode(StatusCodes.Status410Gone);
            }
        }

        return call switch
        {
            "heartbeat" => Results.Content(
                new JsonObject { ["lease_expires_at"] = DateTimeOffset.UtcNow.AddSeconds(60).ToString("O"), ["cancel"] = IsCancelled(taskId) }.ToJsonString(),
                "application/json"),
            "checkpoint" when body!["phase"]?.GetValueKind() != JsonValueKind.String => ProtocolError("checkpoint: phase must be a string"),
            "complete" when body!["output"]?.GetValueKind() != JsonValueKind.Object => ProtocolError("complete: output must be an object"),
            "fail" when !IsError(body!["error"]) => ProtocolError("fail: error must be {message, type, retryable}"),
            _ => Results.NoContent(),
        };
    }

    /// <summary>Checks the key and the body, records the call, and answers an injected status if one is queued.</summary>
    private async Task<(JsonObject? Body, IResult? Refusal)> ReceiveAsync(string call, string? taskId, HttpContext http)
    {
        if (http.Request.Headers.Authorization.ToString() != $"Bearer {WorkerKey}")
        {
            return (null, Results.StatusCode(StatusCodes.Status401Unauthorized));
        }

        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject
                ?? throw new JsonException("the body is not a JSON object");
        }
        catch (JsonException ex)
        {
            return (null, ProtocolError($"{call}: {ex.Message}"));
        }

        var unknown = body.Select(p => p.Key).Except(s_allowedMembers[call]).ToList();
        if (unknown.Count > 0)
        {
            return (null, ProtocolError($"{call}: unknown members {string.Join(", ", unknown)}"));
        }

        HttpStatusCode? injected = null;
        TaskCompletionSource? hold = null;
        lock (_gate)
        {
            if ((taskId is not null && _injected.TryGetValue($"{call}:{taskId}", out var queue) && queue.Count > 0)
                || (_injected.TryGetValue(call, out queue) && queue.Count > 0))
            {
                injected = queue.Dequeue();
            }

            if (_holds.TryGetValue(call, out var holds) && holds.Count > 0)
            {
                hold = holds.Dequeue();
            }

            _calls.Add(new RecordedCall(call, taskId, body, (int?)injected ?? 200));
        }

        if (hold is not null)
        {
            await hold.Task.WaitAsync(http.RequestAborted);
        }

        return injected is { } status ? (body, Results.StatusCode((int)status)) : (body, null);
    }

    private bool IsCancelled(string taskId)
    {
        lock (_gate)
        {
            return _cancelled.Contains(taskId);
        }
    }

    private IResult ProtocolError(string error)
    {
        lock (_gate)
        {
            _protocolErrors.Add(error);
        }

        return Results.BadRequest(new { error });
    }
}
