using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace DagMaster.Worker.Client;

/// <summary>
/// A typed HTTP client for the worker-protocol calls (claim, heartbeat, checkpoint, complete, fail, results). It adds the worker key, speaks snake_case JSON, reads
/// 410/404 on heartbeat and checkpoint as "stop working", and throws <see cref="HttpRequestException"/> (with the
/// status code) for any other unsuccessful answer.
/// </summary>
public sealed class DagMasterWorkerClient
{
    /// <summary>The most results one <c>results</c> call may carry.</summary>
    public const int MaxResultsPerCall = 500;

    private const string TasksPath = "api/v1/worker/tasks/";
    private const int MaxClaimBatch = 100;

    private readonly HttpClient _httpClient;
    private readonly WorkerOptions _options;
    private readonly Uri _baseUri;

    public DagMasterWorkerClient(HttpClient httpClient, IOptions<WorkerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _options = options.Value;
        var baseUrl = httpClient.BaseAddress ?? _options.BaseUrl;
        _baseUri = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
    }

    /// <summary>
    /// Claims up to <paramref name="maxTasks"/> tasks from the configured queues, long-polling for ClaimWaitSeconds:
    /// only tasks for <paramref name="handlers"/> (the handlers this worker runs), or any task when that is null.
    /// </summary>
    public Task<IReadOnlyList<TaskMessage>> ClaimAsync(int maxTasks, IReadOnlyCollection<string>? handlers, CancellationToken cancellationToken) =>
        ClaimAsync(
            new ClaimRequest(
                _options.WorkerId,
                [.. _options.Queues],
                handlers is { Count: > 0 } ? [.. handlers] : null,
                Math.Clamp(maxTasks, 1, MaxClaimBatch),
                _options.ClaimWaitSeconds),
            cancellationToken);

    /// <summary>Claims up to <paramref name="maxTasks"/> tasks for <see cref="WorkerOptions.Handlers"/> (any handler when unset).</summary>
    public Task<IReadOnlyList<TaskMessage>> ClaimAsync(int maxTasks, CancellationToken cancellationToken) =>
        ClaimAsync(maxTasks, _options.Handlers is { Count: > 0 } handlers ? [.. handlers] : null, cancellationToken);

    /// <summary>Claims tasks; an empty list when none arrived within <see cref="ClaimRequest.WaitSeconds"/> (204).</summary>
    public async Task<IReadOnlyList<TaskMessage>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await PostAsync(TasksPath + "claim", request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return [];
        }

        await EnsureSuccessAsync(response, "claim", cancellationToken);
        return await response.Content.ReadFromJsonAsync<List<TaskMessage>>(WorkerJson.Options, cancellationToken) ?? [];
    }

    /// <summary>Extends the lease and sends progress; tells whether to keep working.</summary>
    public async Task<HeartbeatResult> HeartbeatAsync(string taskId, TaskProgress? progress, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(TaskPath(taskId, "heartbeat"), new HeartbeatRequestBody(progress), cancellationToken);
        if (StopStatus(response.StatusCode) is { } stop)
        {
            return new HeartbeatResult(stop, null);
        }

        await EnsureSuccessAsync(response, "heartbeat", cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<HeartbeatResponseBody>(WorkerJson.Options, cancellationToken);
        return new HeartbeatResult(body is { Cancel: true } ? LeaseStatus.CancelRequested : LeaseStatus.Active, body?.LeaseExpiresAt);
    }

    /// <summary>Saves a checkpoint (the next attempt receives the latest one); <see cref="LeaseStatus.Active"/> when kept.</summary>
    public async Task<LeaseStatus> SaveCheckpointAsync(string taskId, string phase, JsonNode? state, TaskProgress? progress, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(TaskPath(taskId, "checkpoint"), new CheckpointRequestBody(phase, state, progress), cancellationToken);
        if (StopStatus(response.StatusCode) is { } stop)
        {
            return stop;
        }

        await EnsureSuccessAsync(response, "checkpoint", cancellationToken);
        return LeaseStatus.Active;
    }

    /// <summary>Reports success. Idempotent on the server.</summary>
    public async Task CompleteAsync(string taskId, JsonObject output, long durationMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var response = await PostAsync(TaskPath(taskId, "complete"), new CompleteRequestBody(output, durationMs, _options.WorkerId), cancellationToken);
        await EnsureSuccessAsync(response, "complete", cancellationToken);
    }

    /// <summary>Reports failure. Idempotent on the server.</summary>
    public async Task FailAsync(string taskId, TaskError error, long durationMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var response = await PostAsync(TaskPath(taskId, "fail"), new FailRequestBody(error, durationMs, _options.WorkerId), cancellationToken);
        await EnsureSuccessAsync(response, "fail", cancellationToken);
    }

    /// <summary>
    /// Reports up to <see cref="MaxResultsPerCall"/> results (each task once) in one <c>results</c> call and returns
    /// each one's outcome (<see cref="TaskResultOutcome"/>). DagMaster checks the call whole: one invalid result
    /// refuses it (422, or 400/413) and none is applied; that throws <see cref="HttpRequestException"/> like any
    /// other unsuccessful answer. Idempotent on the server, like <see cref="CompleteAsync"/> and <see cref="FailAsync"/>.
    /// </summary>
    public Task<IReadOnlyList<TaskResultOutcome>> ReportResultsAsync(IReadOnlyList<TaskResultReport> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        return ReportSerializedResultsAsync([.. results.Select(SerializeResult)], cancellationToken);
    }

    /// <summary>One result as a <c>results</c> call carries it, so a caller can measure a call before making it.</summary>
    internal static byte[] SerializeResult(TaskResultReport result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonSerializer.SerializeToUtf8Bytes(result, WorkerJson.Options);
    }

    /// <summary>A <c>results</c> call of results already serialized by <see cref="SerializeResult"/>.</summary>
    internal async Task<IReadOnlyList<TaskResultOutcome>> ReportSerializedResultsAsync(IReadOnlyList<byte[]> results, CancellationToken cancellationToken)
    {
        if (results.Count is 0 or > MaxResultsPerCall)
        {
            throw new ArgumentException($"A results call carries 1 to {MaxResultsPerCall} results, not {results.Count}.", nameof(results));
        }

        var body = new ArrayBufferWriter<byte>(results.Sum(r => r.Length + 1) + 64);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("worker_id", _options.WorkerId);
            writer.WriteStartArray("results");
            foreach (var result in results)
            {
                writer.WriteRawValue(result, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var content = new ReadOnlyMemoryContent(body.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await PostContentAsync(TasksPath + "results", content, cancellationToken);
        await EnsureSuccessAsync(response, "results", cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<ReportResultsResponseBody>(WorkerJson.Options, cancellationToken);
        return answer?.Results ?? throw new JsonException("DagMaster's answer to 'results' has no 'results'.");
    }

    private static string TaskPath(string taskId, string action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        return $"{TasksPath}{Uri.EscapeDataString(taskId)}/{action}";
    }

    private static LeaseStatus? StopStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Gone => LeaseStatus.Gone,
        HttpStatusCode.NotFound => LeaseStatus.NotFound,
        _ => null,
    };

    private async Task<HttpResponseMessage> PostAsync<TBody>(string path, TBody body, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(body, options: WorkerJson.Options);
        return await PostContentAsync(path, content, cancellationToken);
    }

    private async Task<HttpResponseMessage> PostContentAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUri, path)) { Content = content };
        if (!string.IsNullOrEmpty(_options.WorkerKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.WorkerKey);
        }

        return await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string call, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await response.Content.ReadAsStringAsync(cancellationToken);
        if (detail.Length > 500)
        {
            detail = detail[..500] + "…";
        }

        throw new HttpRequestException(
            $"DagMaster answered {(int)response.StatusCode} {response.ReasonPhrase} to '{call}': {detail}",
            inner: null,
            response.StatusCode);
    }
}
