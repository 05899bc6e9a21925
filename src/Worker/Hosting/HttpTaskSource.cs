using DagMaster.Worker.Client;
using Microsoft.Extensions.Logging;

namespace DagMaster.Worker.Hosting;

/// <summary>
/// The HTTP transport: long-poll claims for as many tasks as there are free slots, only for the worker's
/// <paramref name="handlers"/> (a task for another handler stays queued for a worker that has it), each run by the
/// <see cref="TaskRunner"/> and reported through one <see cref="HttpResultReporter"/> (results coalesced into
/// <c>results</c> calls). A task left unreported lapses its lease and DagMaster hands it out again.
/// </summary>
internal sealed class HttpTaskSource(
    TaskRunner runner,
    DagMasterWorkerClient client,
    IReadOnlyCollection<string> handlers,
    WorkerOptions options,
    ILogger logger,
    TimeProvider timeProvider) : ITaskSource
{
    private readonly HttpResultReporter _reporter = new(client, options, logger, timeProvider);

    public string Describe() => $"claiming from {string.Join(", ", options.Queues)} at {options.BaseUrl}";

    public async Task RunAsync(RunningTasks running, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await running.Slots.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            // Ask for as many tasks as there are free slots.
            var free = 1;
            while (free < options.MaxConcurrency && running.Slots.Wait(0))
            {
                free++;
            }

            IReadOnlyList<TaskMessage> tasks;
            try
            {
                tasks = await client.ClaimAsync(free, handlers, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                running.Slots.Release(free);
                break;
            }
            catch (Exception ex)
            {
                running.Slots.Release(free);
                failures++;
                var delay = options.RetryDelayAfter(failures);
                if (ex is HttpRequestException || TransientErrors.IsTransient(ex, stoppingToken))
                {
                    logger.LogWarning("Claiming failed ({Failures} in a row): {Error}; trying again in {Delay}", failures, ex.Message, delay);
                }
                else
                {
                    logger.LogError(ex, "Claiming failed ({Failures} in a row); trying again in {Delay}", failures, delay);
                }

                if (!await DelayAsync(delay, stoppingToken))
                {
                    break;
                }

                continue;
            }

            var started = 0;
            foreach (var task in tasks)
            {
                if (started == free)
                {
                    // More than asked for: not run, so its lease lapses and DagMaster hands it out again.
                    logger.LogWarning("DagMaster sent more tasks than asked for; task {TaskId} is left to its lease", task.TaskId);
                    continue;
                }

                started++;
                running.Add(Task.Run(() => runner.RunAsync(task, _reporter, running)));
            }

            if (free > started)
            {
                running.Slots.Release(free - started);
            }

            if (tasks.Count == 0 && options.ClaimWaitSeconds == 0 && !await DelayAsync(options.RetryDelay, stoppingToken))
            {
                break;
            }
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, timeProvider, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
