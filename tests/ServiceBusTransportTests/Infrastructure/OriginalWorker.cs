using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;

namespace DagMaster.ServiceBusTransportTests.Infrastructure;

/// <summary>
/// Plays the original system's worker: peek-lock receive from one queue, read only the original message fields,
/// report <c>running</c>, run the behaviour, report <c>completed</c> or <c>failed</c> with the original callback bodies
/// over HTTP, then complete the message in both cases. Counts every delivery by task id.
/// </summary>
public sealed class OriginalWorker : IAsyncDisposable
{
    public const string WorkerId = "original-worker";

    private readonly ServiceBusClient _client;
    private readonly ServiceBusProcessor _processor;
    private readonly HttpClient _http;
    private readonly Func<OriginalTask, OriginalWorker, Task<JsonObject>> _behaviour;

    private OriginalWorker(ServiceBusAppFixture app, string queue, Func<OriginalTask, OriginalWorker, Task<JsonObject>> behaviour)
    {
        _behaviour = behaviour;
        _client = new ServiceBusClient(app.Peer.ConnectionString);
        _processor = _client.CreateProcessor(queue, new ServiceBusProcessorOptions { AutoCompleteMessages = false, MaxConcurrentCalls = 8 });
        _processor.ProcessMessageAsync += ProcessAsync;
        _processor.ProcessErrorAsync += _ => Task.CompletedTask;
        _http = new HttpClient { BaseAddress = app.Host.ServerAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestHostSettings.WorkerKey);
    }

    /// <summary>Deliveries per task id.</summary>
    public ConcurrentDictionary<string, int> Deliveries { get; } = new(StringComparer.Ordinal);

    /// <summary>Every message received, as sent (body, properties).</summary>
    public ConcurrentQueue<ServiceBusReceivedMessage> Received { get; } = new();

    /// <summary>Answers of the task-result callbacks (status codes), for the test to check none was refused.</summary>
    public ConcurrentQueue<int> CallbackStatuses { get; } = new();

    public static async Task<OriginalWorker> StartAsync(
        ServiceBusAppFixture app, string queue, Func<OriginalTask, OriginalWorker, Task<JsonObject>>? behaviour = null)
    {
        var worker = new OriginalWorker(app, queue, behaviour ?? Echo);
        await worker._processor.StartProcessingAsync();
        return worker;
    }

    /// <summary>The original echo handler: its params back.</summary>
    public static Task<JsonObject> Echo(OriginalTask task, OriginalWorker worker) =>
        Task.FromResult(new JsonObject { ["echoed_params"] = JsonNode.Parse(task.Params.GetRawText()), ["handler"] = task.Handler });

    public async Task PostCheckpointAsync(OriginalTask task, string phase, int phaseIndex, JsonObject state)
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/callbacks/checkpoint", new JsonObject
        {
            ["job_id"] = task.JobId,
            ["node_id"] = task.NodeId,
            ["task_id"] = task.TaskId,
            ["phase_name"] = phase,
            ["phase_index"] = phaseIndex,
            ["total_phases"] = 5,
            ["progress_current"] = phaseIndex + 1,
            ["progress_total"] = 5,
            ["progress_message"] = $"done {phase}",
            ["state_data"] = state,
            ["artifacts_completed"] = new JsonArray(),
            ["memory_usage_mb"] = 12.5,
            ["disk_usage_mb"] = 0.0,
            ["error_count"] = 0,
            ["is_final"] = false,
        });
        ((int)response.StatusCode).ShouldBe(202, await response.Content.ReadAsStringAsync());
    }

    private async Task ProcessAsync(ProcessMessageEventArgs args)
    {
        Received.Enqueue(args.Message);
        using var document = JsonDocument.Parse(args.Message.Body.ToMemory());
        var task = OriginalTask.Read(document.RootElement);
        Deliveries.AddOrUpdate(task.TaskId, 1, (_, n) => n + 1);
        var watch = Stopwatch.StartNew();
        await ReportAsync(task, "running", null, null, 0);
        JsonObject? output = null;
        string? error = null;
        try
        {
            output = await _behaviour(task, this);
        }
        catch (InvalidOperationException ex)
        {
            error = ex.Message;
        }

        await ReportAsync(task, error is null ? "completed" : "failed", output, error, watch.ElapsedMilliseconds);
        await args.CompleteMessageAsync(args.Message);
    }

    private async Task ReportAsync(OriginalTask task, string status, JsonObject? output, string? error, long durationMs)
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/callbacks/task-result", new JsonObject
        {
            ["task_id"] = task.TaskId,
            ["job_id"] = task.JobId,
            ["node_id"] = task.NodeId,
            ["status"] = status,
            ["output"] = output,
            ["error_message"] = error,
            ["worker_id"] = WorkerId,
            ["execution_duration_ms"] = durationMs,
            ["reported_at"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
            ["checkpoint_id"] = null,
        });
        CallbackStatuses.Enqueue((int)response.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _processor.StopProcessingAsync();
        await _processor.DisposeAsync();
        await _client.DisposeAsync();
        _http.Dispose();
    }
}
