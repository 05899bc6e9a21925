using System.Net;
using System.Text.Json;
using DagMaster.Worker.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>
/// Sits in the worker SDK's HTTP pipeline (a handler of its typed <see cref="DagMasterWorkerClient"/>) and writes down
/// every call the worker makes to DagMaster and what DagMaster answered. It can also answer a call in DagMaster's place
/// (a 503 from a proxy, say) or hold a call until the test lets it go.
/// </summary>
public sealed class WorkerCallRecorder
{
    private readonly Lock _gate = new();
    private readonly List<WorkerCall> _calls = [];
    private readonly Dictionary<string, Queue<HttpStatusCode>> _answers = [];
    private readonly Dictionary<string, Queue<TaskCompletionSource>> _holds = [];
    private readonly Dictionary<string, int> _sent = [];

    /// <summary>Calls answered so far, in the order their answers came.</summary>
    public IReadOnlyList<WorkerCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Calls of kind <paramref name="call"/> made so far, answered or not.</summary>
    public int SentTo(string call)
    {
        lock (_gate)
        {
            return _sent.GetValueOrDefault(call);
        }
    }

    public IReadOnlyList<WorkerCall> CallsTo(string call) => [.. Calls.Where(c => c.Call == call)];

    /// <summary>Adds the recorder to the worker's HTTP pipeline (call after <c>AddDagMasterWorker</c>).</summary>
    public void AddTo(IServiceCollection services) =>
        services.AddHttpClient<DagMasterWorkerClient>().AddHttpMessageHandler(() => new RecordingHandler(this));

    /// <summary>The next call of kind <paramref name="call"/> is answered <paramref name="status"/> without reaching DagMaster.</summary>
    public void AnswerNext(string call, HttpStatusCode status)
    {
        lock (_gate)
        {
            Queue(_answers, call).Enqueue(status);
        }
    }

    /// <summary>The next call of kind <paramref name="call"/> waits before it is sent on until the returned source is set.</summary>
    public TaskCompletionSource HoldNext(string call)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            Queue(_holds, call).Enqueue(release);
        }

        return release;
    }

    private static Queue<T> Queue<T>(Dictionary<string, Queue<T>> queues, string call)
    {
        if (!queues.TryGetValue(call, out var queue))
        {
            queues[call] = queue = new Queue<T>();
        }

        return queue;
    }

    /// <summary><c>claim</c>, <c>results</c>, or the last segment of a task's call (<c>complete</c>, <c>fail</c>, <c>heartbeat</c>, …).</summary>
    private static string CallOf(Uri uri) => uri.Segments[^1].TrimEnd('/');

    private static async Task<string[]> TaskIdsAsync(string call, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (call != "results")
        {
            return call == "claim" ? [] : [Uri.UnescapeDataString(request.RequestUri!.Segments[^2].TrimEnd('/'))];
        }

        using var body = JsonDocument.Parse(await request.Content!.ReadAsByteArrayAsync(cancellationToken));
        return [.. body.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("task_id").GetString()!)];
    }

    private static async Task<Dictionary<string, string>> OutcomesAsync(string call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (call != "results" || response.StatusCode != HttpStatusCode.OK)
        {
            return [];
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        return body.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("task_id").GetString()!, r => r.GetProperty("outcome").GetString()!);
    }

    private sealed class RecordingHandler(WorkerCallRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = CallOf(request.RequestUri!);
            var taskIds = await TaskIdsAsync(call, request, cancellationToken);
            HttpStatusCode? answer = null;
            TaskCompletionSource? hold = null;
            lock (recorder._gate)
            {
                if (recorder._answers.TryGetValue(call, out var answers) && answers.Count > 0)
                {
                    answer = answers.Dequeue();
                }

                if (recorder._holds.TryGetValue(call, out var holds) && holds.Count > 0)
                {
                    hold = holds.Dequeue();
                }

                recorder._sent[call] = recorder._sent.GetValueOrDefault(call) + 1;
            }

            if (hold is not null)
            {
                await hold.Task.WaitAsync(cancellationToken);
            }

            var response = answer is { } status
                ? new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent(string.Empty) }
                : await base.SendAsync(request, cancellationToken);
            var outcomes = await OutcomesAsync(call, response, cancellationToken);
            lock (recorder._gate)
            {
                recorder._calls.Add(new WorkerCall(call, taskIds, (int)response.StatusCode, outcomes, ReachedDagMaster: answer is null));
            }

            return response;
        }
    }
}
