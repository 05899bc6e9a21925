using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DagMaster.TestSupport;

namespace DagMaster.Benchmarks.Workers;

/// <summary>
/// A worker process that completes every task at once with an empty output, speaking the HTTP worker protocol:
/// <c>claimers</c> long polls each ask for up to <c>batch</c> tasks; a claimed batch is completed (at most
/// <c>concurrency</c> calls in flight) before that poll claims again, so the other polls stay outstanding. With
/// <c>--results bulk</c> (the default) a claimed batch is reported in one <c>results</c> call; with <c>single</c>,
/// one <c>complete</c> call per task.
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
        var bulk = args.Text("results", "bulk") switch
        {
            "bulk" => true,
            "single" => false,
            var other => throw new ArgumentException($"--results is bulk or single, not '{other}'"),
        };

        using var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            await Console.In.ReadToEndAsync();
            await stop.CancelAsync();
        });

        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = claimers + concurrency, UseProxy = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(args.Required("url")), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args.Text("key", TestHostSettings.WorkerKey));

        var state = new WorkerState(http, claimBody, completeBody, workerId, bulk, new SemaphoreSlim(concurrency), stop.Token);
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
                var claimed = tasks.RootElement.EnumerateArray()
                    .Select(t => new ClaimedTask(t.GetProperty("task_id").GetString()!, t.GetProperty("job_id").GetString()!, t.GetProperty("node_id").GetString()!, received))
                    .ToList();
                await (state.Bulk
                    ? ReportAsync(state, claimed)
                    : Task.WhenAll(claimed.Select(t => CompleteAsync(state, t))));
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

    /// <summary>Reports a claimed batch in one <c>results</c> call; each task records the call's times and its own outcome.</summary>
    private static async Task ReportAsync(WorkerState state, List<ClaimedTask> claimed)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["worker_id"] = state.WorkerId,
            ["results"] = claimed.Select(t => new Dictionary<string, object> { ["task_id"] = t.TaskId, ["output"] = new { }, ["duration_ms"] = 0 }).ToList(),
        });
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            var sent = Stopwatch.GetTimestamp();
            using var response = await state.Http.PostAsync("api/v1/worker/tasks/results", content, state.Stop);
            var acked = Stopwatch.GetTimestamp();
            var outcomes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (response.IsSuccessStatusCode)
            {
                using var answer = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(CancellationToken.None));
                foreach (var result in answer.RootElement.GetProperty("results").EnumerateArray())
                {
                    outcomes[result.GetProperty("task_id").GetString()!] = result.GetProperty("outcome").GetString()!;
                }
            }
            else
            {
                state.CountError();
            }

            foreach (var task in claimed)
            {
                // A result that did not apply (not found, stale) counts as a failed call, as the single call's 404 would.
                var status = !response.IsSuccessStatusCode ? (int)response.StatusCode
                    : outcomes.GetValueOrDefault(task.TaskId) is "applied" or "ignored" ? 204
                    : 404;
                state.Records.Enqueue(new TaskRecord(task.JobId, task.NodeId, task.Received, sent, acked, status));
            }
        }
        catch (OperationCanceledException) when (state.Stop.IsCancellationRequested)
        {
            // Stopped mid-call: the tasks are left to their leases, as a killed worker's would be.
        }
        catch (HttpRequestException)
        {
            state.CountError();
        }
    }

    private static async Task CompleteAsync(WorkerState state, ClaimedTask task)
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
            using var response = await state.Http.PostAsync($"api/v1/worker/tasks/{Uri.EscapeDataString(task.TaskId)}/complete", content, state.Stop);
            state.Records.Enqueue(new TaskRecord(task.JobId, task.NodeId, task.Received, sent, Stopwatch.GetTimestamp(), (int)response.StatusCode));
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

    private sealed record ClaimedTask(string TaskId, string JobId, string NodeId, long Received);

    private sealed class WorkerState(HttpClient http, byte[] claimBody, byte[] completeBody, string workerId, bool bulk, SemaphoreSlim gate, CancellationToken stop)
    {
        private int _errors;

        public HttpClient Http { get; } = http;

        public byte[] ClaimBody { get; } = claimBody;

        public byte[] CompleteBody { get; } = completeBody;

        public string WorkerId { get; } = workerId;

        public bool Bulk { get; } = bulk;

        public SemaphoreSlim Gate { get; } = gate;

        public CancellationToken Stop { get; } = stop;

        public ConcurrentQueue<TaskRecord> Records { get; } = new();

        public int Errors => _errors;

        public void CountError() => Interlocked.Increment(ref _errors);
    }
}
