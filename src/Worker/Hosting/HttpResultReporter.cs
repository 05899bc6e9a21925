using System.Net;
using System.Text.Json.Nodes;
using DagMaster.Worker.Client;
using Microsoft.Extensions.Logging;

namespace DagMaster.Worker.Hosting;

/// <summary>
/// Reports results over HTTP, coalesced into <c>results</c> calls: a result that arrives while no call is in flight is
/// sent at once, alone; results that arrive while one is in flight wait and go together in the next call (at most
/// <see cref="DagMasterWorkerClient.MaxResultsPerCall"/>, and no more than fit in one request body). One call is in
/// flight at a time. Each report returns when its own result is answered and throws what a <c>complete</c>/<c>fail</c>
/// call of its own would have thrown:
/// <list type="bullet">
/// <item>a transient error is retried with backoff (<see cref="WorkerOptions.ReportAttempts"/>) for the whole call;</item>
/// <item>a call DagMaster refuses as a whole (400, 413, 422: one result is invalid, or the body too big; 404: a
/// DagMaster without <c>results</c>) is sent again result by result with <c>complete</c>/<c>fail</c>, so each result
/// gets its own answer; a refused output throws <see cref="TaskOutputRefusedException"/>;</item>
/// <item>the outcome <c>not_found</c> throws as a 404 of <c>complete</c>/<c>fail</c> does; <c>applied</c>,
/// <c>stale</c> and <c>ignored</c> are accepted, as a 204 is.</item>
/// </list>
/// </summary>
internal sealed class HttpResultReporter(DagMasterWorkerClient client, WorkerOptions options, ILogger logger, TimeProvider timeProvider) : ITaskResultReporter
{
    /// <summary>
    /// The most bytes of results one call carries: DagMaster takes request bodies up to 2 MiB. A result bigger than this
    /// still goes, alone, and DagMaster answers for it.
    /// </summary>
    private const int MaxCallBytes = (2 * 1024 * 1024) - (16 * 1024);

    private readonly Lock _gate = new();
    private readonly Queue<PendingResult> _waiting = new();
    private bool _sending;

    /// <summary>The HTTP protocol has no "running" report: the claim itself marks the task running.</summary>
    public Task ReportRunningAsync(TaskMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReportCompletedAsync(TaskMessage message, JsonObject output, long durationMs, CancellationToken cancellationToken) =>
        ReportAsync(TaskResultReport.Completed(message.TaskId, output, durationMs), cancellationToken);

    public Task ReportFailedAsync(TaskMessage message, TaskError error, long durationMs, CancellationToken cancellationToken) =>
        ReportAsync(TaskResultReport.Failed(message.TaskId, error, durationMs), cancellationToken);

    private async Task ReportAsync(TaskResultReport report, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingResult(report, DagMasterWorkerClient.SerializeResult(report), cancellationToken);
        using var giveUp = cancellationToken.Register(() => pending.Done.TrySetCanceled(cancellationToken));

        bool startSending;
        lock (_gate)
        {
            _waiting.Enqueue(pending);
            startSending = !_sending;
            _sending = true;
        }

        if (!startSending)
        {
            logger.LogDebug("Result of task {TaskId} waits for the results call in flight", report.TaskId);
        }
        else
        {
            // The calls serve many tasks: they carry no task's trace context.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(SendWaitingAsync, CancellationToken.None);
            }
        }

        await pending.Done.Task;
    }

    /// <summary>Sends calls until nothing waits; only one of these runs at a time.</summary>
    private async Task SendWaitingAsync()
    {
        while (TakeNext() is { } results)
        {
            using (var call = new ResultsCall(results))
            {
                try
                {
                    await SendAsync(call);
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "A results call of {Count} results failed unexpectedly", call.Results.Count);
                    call.FailUnanswered(ex);
                }
            }
        }
    }

    /// <summary>The results for the next call, oldest first; null (and no longer sending) when none wait.</summary>
    private List<PendingResult>? TakeNext()
    {
        lock (_gate)
        {
            var results = new List<PendingResult>();
            var taskIds = new HashSet<string>(StringComparer.Ordinal);
            var bytes = 0L;
            while (results.Count < DagMasterWorkerClient.MaxResultsPerCall && _waiting.TryPeek(out var next))
            {
                if (next.Done.Task.IsCompleted)
                {
                    _waiting.Dequeue(); // its reporter gave up while it waited
                    continue;
                }

                if (results.Count > 0 && (bytes + next.Json.Length > MaxCallBytes || taskIds.Contains(next.Report.TaskId)))
                {
                    break;
                }

                _waiting.Dequeue();
                results.Add(next);
                taskIds.Add(next.Report.TaskId);
                bytes += next.Json.Length + 1;
            }

            if (results.Count == 0)
            {
                _sending = false;
                return null;
            }

            return results;
        }
    }

    private async Task SendAsync(ResultsCall call)
    {
        IReadOnlyList<TaskResultOutcome> outcomes = [];
        try
        {
            await SendWithRetriesAsync(
                "results",
                $"{call.Results.Count} tasks",
                async ct => outcomes = await client.ReportSerializedResultsAsync([.. call.Results.Select(r => r.Json)], ct),
                call.Abandoned);
        }
        catch (HttpRequestException ex) when (IsCallRefusal(ex.StatusCode))
        {
            logger.LogWarning("DagMaster refused a results call of {Count} results ({Error}); sending them one by one", call.Results.Count, ex.Message);
            await SendOneByOneAsync(call);
            return;
        }
        catch (Exception ex)
        {
            call.FailUnanswered(ex);
            return;
        }

        var byTask = outcomes.GroupBy(o => o.TaskId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Outcome, StringComparer.Ordinal);
        foreach (var result in call.Results)
        {
            var taskId = result.Report.TaskId;
            switch (byTask.GetValueOrDefault(taskId))
            {
                case null:
                    result.Done.TrySetException(new InvalidOperationException($"DagMaster's answer to 'results' has no outcome for task {taskId}."));
                    break;
                case TaskResultOutcome.NotFound:
                    result.Done.TrySetException(new HttpRequestException(
                        $"DagMaster answered '{TaskResultOutcome.NotFound}' to 'results' for task {taskId}.", inner: null, HttpStatusCode.NotFound));
                    break;
                case TaskResultOutcome.Applied or TaskResultOutcome.Stale or TaskResultOutcome.Ignored:
                    result.Done.TrySetResult();
                    break;
                case var other:
                    logger.LogWarning("DagMaster answered the unknown outcome '{Outcome}' for task {TaskId}; taken as accepted", other, taskId);
                    result.Done.TrySetResult();
                    break;
            }
        }
    }

    /// <summary>After a refusal of the whole call: each result with its own call, so each gets its own answer.</summary>
    private async Task SendOneByOneAsync(ResultsCall call)
    {
        foreach (var result in call.Results.Where(r => !r.Done.Task.IsCompleted))
        {
            var report = result.Report;
            try
            {
                if (report.Error is { } error)
                {
                    await SendWithRetriesAsync("fail", $"task {report.TaskId}", ct => client.FailAsync(report.TaskId, error, report.DurationMs ?? 0, ct), result.CancellationToken);
                }
                else
                {
                    await SendWithRetriesAsync("complete", $"task {report.TaskId}", ct => client.CompleteAsync(report.TaskId, report.Output ?? [], report.DurationMs ?? 0, ct), result.CancellationToken);
                }

                result.Done.TrySetResult();
            }
            catch (HttpRequestException ex) when (report.Error is null && IsOutputRefusal(ex.StatusCode))
            {
                result.Done.TrySetException(new TaskOutputRefusedException(ex.Message, ex));
            }
            catch (Exception ex)
            {
                result.Done.TrySetException(ex);
            }
        }
    }

    private async Task SendWithRetriesAsync(string call, string subject, Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await send(cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < options.ReportAttempts && TransientErrors.IsTransient(ex, cancellationToken))
            {
                var delay = options.RetryDelayAfter(attempt);
                logger.LogWarning("Result '{Call}' of {Subject} failed (attempt {Attempt}): {Error}; retrying in {Delay}", call, subject, attempt, ex.Message, delay);
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
        }
    }

    /// <summary>DagMaster refuses the result itself and would again: invalid (422, 400) or too big (413).</summary>
    private static bool IsOutputRefusal(HttpStatusCode? status) =>
        status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity;

    /// <summary>A <c>results</c> call refused as a whole: one result is refused, or the call is unknown (404, a DagMaster without it).</summary>
    private static bool IsCallRefusal(HttpStatusCode? status) => IsOutputRefusal(status) || status == HttpStatusCode.NotFound;

    /// <summary>A result waiting for its call, and what its reporter awaits.</summary>
    private sealed class PendingResult(TaskResultReport report, byte[] json, CancellationToken cancellationToken)
    {
        public TaskResultReport Report { get; } = report;

        /// <summary>The result as the call carries it.</summary>
        public byte[] Json { get; } = json;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The results of one call; <see cref="Abandoned"/> fires when every one of their reporters has given up.</summary>
    private sealed class ResultsCall : IDisposable
    {
        private readonly CancellationTokenSource _abandoned = new();
        private readonly List<CancellationTokenRegistration> _registrations = [];
        private int _waiting;

        public ResultsCall(IReadOnlyList<PendingResult> results)
        {
            Results = results;
            _waiting = results.Count;
            foreach (var result in results)
            {
                _registrations.Add(result.CancellationToken.Register(GaveUp));
            }
        }

        public IReadOnlyList<PendingResult> Results { get; }

        public CancellationToken Abandoned => _abandoned.Token;

        public void FailUnanswered(Exception exception)
        {
            foreach (var result in Results)
            {
                if (exception is OperationCanceledException && result.CancellationToken.IsCancellationRequested)
                {
                    result.Done.TrySetCanceled(result.CancellationToken);
                }
                else
                {
                    result.Done.TrySetException(exception);
                }
            }
        }

        public void Dispose()
        {
            foreach (var registration in _registrations)
            {
                registration.Dispose();
            }

            _abandoned.Dispose();
        }

        private void GaveUp()
        {
            if (Interlocked.Decrement(ref _waiting) == 0)
            {
                _abandoned.Cancel();
            }
        }
    }
}
