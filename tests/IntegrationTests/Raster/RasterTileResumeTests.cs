using System.Diagnostics;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Raster;

/// <summary>A worker process killed in the middle of process_tile_batch: the next attempt starts after the last tile it finished.</summary>
[Collection(RasterCollection.Name)]
public sealed class RasterTileResumeTests(DagMasterAppFixture app, RasterFixture raster) : IntegrationTestBase(app)
{
    private JobsApi Jobs => new(Client);

    [Fact]
    public async Task ProcessTileBatch_WhenTheWorkerIsKilledMidway_TheRetriedAttemptResumesAfterTheLastCompletedTile()
    {
        var process = StartWorkerProcess();
        Guid jobId;
        int tilesBeforeKill;
        try
        {
            jobId = await Jobs.SubmitOkAsync("raster_process", new
            {
                container_name = "bronze",
                blob_name = TestRasters.Huge,
                collection_id = "resumed",
                tiling_threshold_mb = 1,
                tile_size = 256,
                tile_overlap = 0,
                output_folder = "resume-test",
            });
            var node = await Poll.UntilAsync(
                () => Jobs.NodeAsync(jobId, "process_tiles"),
                n => n.GetProperty("checkpoint").ValueKind == System.Text.Json.JsonValueKind.Object
                     && n.GetProperty("checkpoint").GetProperty("state").GetProperty("next_tile").GetInt32() >= 2,
                "two tiles to be checkpointed",
                timeoutSeconds: 90);
            tilesBeforeKill = node.GetProperty("checkpoint").GetProperty("state").GetProperty("next_tile").GetInt32();
        }
        finally
        {
            process.Kill(entireProcessTree: true); // SIGKILL: no drain, no report; the lease lapses
            await process.WaitForExitAsync(CancellationToken.None);
            process.Dispose();
        }

        await using var worker = await InProcessWorker.StartAsync(App, raster: raster.Configure);
        await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 180);

        var output = (await RasterChecks.OutputAsync(Jobs, jobId, "process_tiles"));
        var tiles = output.GetProperty("tile_cogs").EnumerateArray().Select(t => t.GetProperty("blob").GetString()!).ToList();
        tiles.Count.ShouldBe(64);
        var resumedFrom = output.GetProperty("resumed_from_tile").GetInt32();
        resumedFrom.ShouldBeGreaterThanOrEqualTo(tilesBeforeKill);
        resumedFrom.ShouldBeLessThan(64, "the worker was killed before it finished every tile");
        (await Jobs.NodeAsync(jobId, "process_tiles")).GetProperty("attempt").GetInt32().ShouldBeGreaterThan(1);

        // Each tile blob records the attempt that wrote it: the first attempt's tiles were not written again.
        var silver = raster.Blobs.GetBlobContainerClient("silver");
        for (var i = 0; i < tiles.Count; i++)
        {
            var attempt = int.Parse((await silver.GetBlobClient(tiles[i]).GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value.Metadata["attempt"], System.Globalization.CultureInfo.InvariantCulture);
            if (i < resumedFrom)
            {
                attempt.ShouldBe(1, $"tile {i} was finished by the killed attempt");
            }
            else
            {
                attempt.ShouldBeGreaterThan(1, $"tile {i} was written by the retried attempt");
            }
        }

        raster.MountLeftovers().ShouldBeEmpty();
    }

    /// <summary>The standalone worker (src/Worker) as its own process, configured by environment variables.</summary>
    private Process StartWorkerProcess()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "DagMaster.Worker.dll");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in raster.Environment())
        {
            info.Environment[key] = value;
        }

        info.Environment["DAGMASTER_URL"] = App.ServerAddress.ToString().TrimEnd('/');
        info.Environment["WORKER_KEY"] = TestHostSettings.WorkerKey;
        info.Environment["WORKER_ID"] = "raster-worker-to-kill";
        info.Environment["WORKER_QUEUES"] = "container-tasks";
        info.Environment["WORKER_CLAIM_WAIT_SECONDS"] = "1";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
