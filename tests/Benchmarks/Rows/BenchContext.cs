using System.Diagnostics;
using DagMaster.Benchmarks.Hosting;
using DagMaster.Benchmarks.Reporting;

namespace DagMaster.Benchmarks.Rows;

/// <summary>What every row uses: the settings, the running DagMaster, its API, the database and the log.</summary>
public sealed record BenchContext(BenchSettings Settings, DagMasterHost Host, DagMasterApi Api, BenchDatabase Database, LogFile Log, Report Report)
{
    private static readonly string[] Terminal = ["completed", "failed", "cancelled"];

    /// <summary>Polls the job until it ends; returns its status, or null when the time ran out.</summary>
    public async Task<string?> WaitForJobAsync(Guid jobId, TimeSpan timeout, TimeSpan interval, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var (job, _) = await Api.GetJobAsync(jobId, cancellationToken);
            if (job.Status is { } status && Terminal.Contains(status))
            {
                return status;
            }

            await Task.Delay(interval, cancellationToken);
        }

        return null;
    }

    /// <summary>Submits <paramref name="count"/> jobs from <paramref name="clients"/> concurrent clients; returns their ids.</summary>
    public async Task<List<Guid>> SubmitManyAsync(string workflowId, int count, int clients)
    {
        var ids = new Guid[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, ct) =>
            ids[i] = (await Api.SubmitAsync(workflowId, $"{{\"message\":\"bench {i}\"}}", ct)).JobId);
        return [.. ids];
    }

    /// <summary>Starts no-op workers; <paramref name="bulkResults"/>: a claimed batch is reported in one results call.</summary>
    public List<WorkerProcess> StartWorkers(int processes, string queues, int claimers, int batch, int concurrency, bool bulkResults = true) =>
        Enumerable.Range(0, processes).Select(_ => WorkerProcess.Start(Settings, Log, queues, claimers, batch, concurrency, bulkResults)).ToList();

    /// <summary>A row measured through the Service Bus test peer: reported under its own key, with no bar yet.</summary>
    public static ResultRow OverServiceBus(ResultRow row) =>
        row with { Key = row.Key + "-servicebus", Figure = row.Figure + " over Service Bus (test peer)", Target = "reported (no bar yet)", Met = null };
}
