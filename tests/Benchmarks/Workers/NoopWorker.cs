using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DagMaster.Benchmarks.Workers;

/// <summary>
/// A worker process that completes every task at once with an empty output, speaking the HTTP worker protocol:
/// <c>claimers</c> long polls each ask for up to <c>batch</c> tasks; a claimed batch is completed (at most
/// <c>concurrency</c> calls in flight) before that poll claims again, so the other polls stay outstanding.
/// It stops when its standard input closes (abandoning calls in flight) and then writes what it saw to <c>records</c>.
/// </summary>
public static class NoopWorker
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<int> RunAsync(CommandLine args)
    {
        var workerId = args.Text("id", $"bench-worker-{Environment.ProcessId}");
        var claimers = args.Int("claimers", 2);
        var concurrency = args.Int("concurrency", 16);
        var claimBody = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["worker_id"] = workerId,
            ["queues"] = args.Required("queues").Split(','),
            ["max_tasks"] = args.Int("batch", 1),
            ["wait_seconds"] = 20,
        });
        var completeBody = Encoding.UTF8.GetBytes($"{{\"output\":{{}},\"duration_ms\":0,\"worker_id\":\"{workerId}\"}}");

        using var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            await Console.In.ReadToEndAsync();
            await stop.CancelAsync();
        });

        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = claimers + concurrency, UseProxy = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(args.Required("url")), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args.Text("key", BenchSettings.WorkerKey));

        var state = new WorkerState(http, claimBody, completeBody, new SemaphoreSlim(concurrency), stop.Token);
        await Task.WhenAll(Enumerable.Range(0, claimers).Select(_ => Task.Run(() => ClaimLoopAsync(state))));

        await File.WriteAllLinesAsync(args.Required("records"), state.Records.Select(r => r.ToLine()), CancellationToken.None);
        Console.WriteLine(JsonSerializer.Serialize(new { completed = state.Records.Count, errors = state.Errors }));
        return 0;
    }

    private static async Task ClaimLoopAsync(WorkerState state)
    {
        while (!state.Stop.IsCancellationRequested)
        {
            try
            {
                using var content = new ByteArrayContent(state.ClaimBody);
                content.Headers.ContentType = Json;
                using var response = await state.Http.PostAsync("api/v1/worker/tasks/claim", content, state.Stop);
                var received = Stopwatch.GetTimestamp();
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    state.CountError();
                    await Task.Delay(100, state.Stop);
                    continue;
                }

                using var tasks = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(CancellationToken.None));
                await Task.WhenAll(tasks.RootElement.EnumerateArray()
                    .Select(t => CompleteAsync(state, t.GetProperty("task_id").GetString()!, t.GetProperty("job_id").GetString()!, t.GetProperty("node_id").GetString()!, received))
                    .ToList());
            }
            catch (OperationCanceledException) when (state.Stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                state.CountError();
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    private static async Task CompleteAsync(WorkerState state, string taskId, string jobId, string nodeId, long received)
    {
        try
        {
            await state.Gate.WaitAsync(state.Stop);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            using var content = new ByteArrayContent(state.CompleteBody);
            content.Headers.ContentType = Json;
            var sent = Stopwatch.GetTimestamp();
            using var response = await state.Http.PostAsync($"api/v1/worker/tasks/{Uri.EscapeDataString(taskId)}/complete", content, state.Stop);
            state.Records.Enqueue(new TaskRecord(jobId, nodeId, received, sent, Stopwatch.GetTimestamp(), (int)response.StatusCode));
            if (!response.IsSuccessStatusCode)
            {
                state.CountError();
            }
        }
        catch (OperationCanceledException) when (state.Stop.IsCancellationRequested)
        {
            // Stopped mid-call: the task is left to its lease, as a killed worker's would be.
        }
        catch (HttpRequestException)
        {
            state.CountError();
        }
        finally
        {
            state.Gate.Release();
        }
    }

    private sealed class WorkerState(HttpClient http, byte[] claimBody, byte[] completeBody, SemaphoreSlim gate, CancellationToken stop)
    {
        private int _errors;

        public HttpClient Http { get; } = http;

        public byte[] ClaimBody { get; } = claimBody;

        public byte[] CompleteBody { get; } = completeBody;

        public SemaphoreSlim Gate { get; } = gate;

        public CancellationToken Stop { get; } = stop;

        public ConcurrentQueue<TaskRecord> Records { get; } = new();

        public int Errors => _errors;

        public void CountError() => Interlocked.Increment(ref _errors);
    }
}
