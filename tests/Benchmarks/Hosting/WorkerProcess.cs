using System.Diagnostics;
using System.Globalization;
using DagMaster.Benchmarks.Workers;
using DagMaster.TestSupport;

namespace DagMaster.Benchmarks.Hosting;

/// <summary>A bench worker child process (<see cref="NoopWorker"/>); stopping it returns the tasks it completed.</summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private static int s_counter;
    private readonly Process _process;
    private readonly string _recordsPath;
    private readonly LogFile _log;

    private WorkerProcess(Process process, string recordsPath, LogFile log)
    {
        _process = process;
        _recordsPath = recordsPath;
        _log = log;
    }

    public int Pid => _process.Id;

    public static WorkerProcess Start(BenchSettings settings, LogFile log, string queues, int claimers, int batch, int concurrency, bool bulkResults)
    {
        var number = Interlocked.Increment(ref s_counter);
        var recordsPath = Path.Combine(settings.WorkDirectory, $"worker-{number}.tsv");
        File.Delete(recordsPath);
        var info = SelfCommand.StartInfo(
        [
            "worker", "--url", settings.BaseUrl.ToString(), "--key", TestHostSettings.WorkerKey, "--queues", queues, "--id", $"bench-worker-{number}",
            "--claimers", Invariant(claimers), "--batch", Invariant(batch), "--concurrency", Invariant(concurrency), "--records", recordsPath,
            "--results", bulkResults ? "bulk" : "single",
            .. settings.ServiceBusConnectionString is { } serviceBus ? ["--transport", "servicebus", "--connection", serviceBus] : Array.Empty<string>(),
        ]);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start a bench worker");
        log.Attach(process);
        return new WorkerProcess(process, recordsPath, log);
    }

    /// <summary>Closes the worker's input (its stop signal), waits for it and reads its records.</summary>
    public async Task<IReadOnlyList<TaskRecord>> StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _log.Write($"bench worker {_process.Id} did not stop; killing it");
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        return File.Exists(_recordsPath)
            ? (await File.ReadAllLinesAsync(_recordsPath)).Where(l => l.Length > 0).Select(TaskRecord.Parse).ToList()
            : [];
    }

    public static async Task<IReadOnlyList<TaskRecord>> StopAllAsync(IEnumerable<WorkerProcess> workers) =>
        (await Task.WhenAll(workers.Select(w => w.StopAsync()))).SelectMany(r => r).ToList();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
