using System.Text.Json.Nodes;
using DagMaster.Worker;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Jobs;

public sealed class FanOutTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private JobsApi Jobs => new(Client);

    [Fact]
    public async Task FanOutTest_WhenRunByWorkerHost_CollectsChildResultsInIndexOrder()
    {
        await using var worker = await InProcessWorker.StartAsync(App);

        var jobId = await Jobs.SubmitOkAsync("fan_out_test", new { item_list = new[] { "alpha", "bravo", "charlie" } });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed");

        var aggregate = job.GetProperty("result").GetProperty("aggregate");
        aggregate.GetProperty("count").GetInt32().ShouldBe(3);
        var results = aggregate.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("echoed_params").GetProperty("item_value").GetString()).ShouldBe(["alpha", "bravo", "charlie"]);
        results.Select(r => r.GetProperty("echoed_params").GetProperty("item_index").GetInt64()).ShouldBe([0L, 1L, 2L]);
        var nodes = (await Jobs.NodesAsync(jobId)).GetProperty("items").EnumerateArray().ToList();
        nodes.Where(n => n.GetProperty("parent_node_id").GetString() == "split").Select(n => n.GetProperty("node_id").GetString())
            .ShouldBe(["split__0", "split__1", "split__2"]);
        job.GetProperty("progress").GetProperty("nodes_total").GetInt32().ShouldBe(8); // start, prepare, split, aggregate, end + 3 children
    }

    [Fact]
    public async Task FanOutTest_WhenListIsEmpty_FanInYieldsNoResults()
    {
        await using var worker = await InProcessWorker.StartAsync(App);

        var jobId = await Jobs.SubmitOkAsync("fan_out_test", new { item_list = Array.Empty<string>() });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed");

        var aggregate = job.GetProperty("result").GetProperty("aggregate");
        aggregate.GetProperty("count").GetInt32().ShouldBe(0);
        aggregate.GetProperty("results").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task RetryFanOutTest_WhenChildrenFailOnce_RetriesThemAndCompletes()
    {
        // prepare is an echo (no draw); the three children draw 0.1 (fail, rate 0.3), 0.9, 0.9, then the retry draws 0.9.
        await using var worker = await InProcessWorker.StartAsync(App, randomDraws: [0.1, 0.9, 0.9, 0.9], concurrency: 1);

        var jobId = await Jobs.SubmitOkAsync("retry_fan_out_test", new { item_list = new[] { "alpha", "bravo", "charlie" } });
        var job = await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 30);

        job.GetProperty("result").GetProperty("aggregate").GetProperty("count").GetInt32().ShouldBe(3);
        (await Jobs.NodeAsync(jobId, "split__0")).GetProperty("attempt").GetInt32().ShouldBe(2);
        (await Jobs.NodeAsync(jobId, "split__1")).GetProperty("attempt").GetInt32().ShouldBe(1);
        (await Jobs.EventsAsync(jobId)).Count(e => e.GetProperty("type").GetString() == "retry_scheduled").ShouldBe(1);
    }

    [Fact]
    public async Task FanOut_WhenAChildFailsForGood_FailsTheJob()
    {
        var worker = new RawWorker(App);
        var jobId = await Jobs.SubmitOkAsync("fan_out_test", new { item_list = new[] { "a", "b" } });
        var prepare = await worker.ClaimOneAsync();
        await worker.CompleteAsync(prepare.GetProperty("task_id").GetString()!, new { echoed_params = new { item_list = new[] { "a", "b" } } });
        var children = await worker.ClaimAsync(max: 2);
        children.Count.ShouldBe(2);

        await worker.FailAsync(children[1].GetProperty("task_id").GetString()!, "bad tile", retryable: false);

        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("status").GetString().ShouldBe("failed");
        job.GetProperty("failed_node_id").GetString().ShouldBe("split__1");
        (await Jobs.NodeAsync(jobId, "aggregate")).GetProperty("status").GetString().ShouldBe("cancelled");
        (await Jobs.NodeAsync(jobId, "split__0")).GetProperty("status").GetString().ShouldBe("cancelled");
    }

    [Fact]
    public async Task FanOut_WhenSourceIsNotAList_FailsWithoutRetry()
    {
        var worker = new RawWorker(App);
        var jobId = await Jobs.SubmitOkAsync("fan_out_test", new { item_list = new[] { "a" } });
        var prepare = await worker.ClaimOneAsync();

        await worker.CompleteAsync(prepare.GetProperty("task_id").GetString()!, new { echoed_params = new { item_list = "not a list" } });

        var job = await Jobs.GetAsync(jobId);
        job.GetProperty("status").GetString().ShouldBe("failed");
        job.GetProperty("failed_node_id").GetString().ShouldBe("split");
        job.GetProperty("error").GetString()!.ShouldContain("must be a list, got a string");
    }

    [Fact]
    public async Task Claim_WhenAWideFanOutIsQueued_InterleavesAnotherJobsTaskInsteadOfStarvingIt()
    {
        var worker = new RawWorker(App);
        var wide = await Jobs.SubmitOkAsync("fan_out_test", new { item_list = new[] { "a", "b", "c", "d", "e" } });
        var prepare = await worker.ClaimOneAsync();
        await worker.CompleteAsync(prepare.GetProperty("task_id").GetString()!, new { echoed_params = new { item_list = new[] { "a", "b", "c", "d", "e" } } });
        var other = await Jobs.SubmitOkAsync("echo_test", new { message = "don't starve me" });

        var claimed = await worker.ClaimAsync(max: 2);

        claimed.Select(t => t.GetProperty("task_id").GetString()).ShouldBe([$"{wide}:split__0:1", $"{other}:echo_handler:1"]);
    }

    [Theory]
    [InlineData(50, "generate_tiling_scheme", "create_cog_single")]
    [InlineData(512, "create_cog_single", "generate_tiling_scheme")]
    public async Task RasterProcess_WhenEstimateIsAboveOrBelowThreshold_TakesTheMatchingBranch(int threshold, string taken, string skipped)
    {
        JsonObject Output(params (string Key, JsonNode? Value)[] values) => new(values.Select(v => KeyValuePair.Create(v.Key, v.Value)));
        ITaskHandler[] stubs =
        [
            new StubHandler("raster.blob_to_mount", _ => Output(("local_path", "/mnt/etl/input/r.tif"))),
            new StubHandler("raster.validate", _ => Output(("estimated_compressed_mb", 100), ("bounds", new JsonArray(0, 0, 1, 1)))),
            new StubHandler("raster.create_cog", _ => Output(("cog_blob", "cogs/r.tif"), ("cog_container", "silver-cogs"))),
            new StubHandler("raster.stac_ensure_collection", _ => Output(("collection", "c1"))),
            new StubHandler("raster.stac_register_item", _ => Output(("item_id", "item-1"))),
            new StubHandler("raster.generate_tiling_scheme", _ => Output(("grid_dimensions", new JsonArray(2, 2)))),
            new StubHandler("raster.process_tile_batch", _ => Output(("tile_cogs", new JsonArray("t0.tif", "t1.tif")), ("cog_container", "silver-cogs"), ("collection_bounds", new JsonArray(0, 0, 1, 1)))),
            new StubHandler("raster.stac_register_items", _ => Output(("items", 4))),
        ];
        await using var worker = await InProcessWorker.StartAsync(App, extraHandlers: stubs);

        var jobId = await Jobs.SubmitOkAsync("raster_process", new { blob_name = "r.tif", container_name = "bronze", collection_id = "c1", tiling_threshold_mb = threshold });
        await Jobs.WaitForStatusAsync(jobId, "completed");

        (await Jobs.NodeAsync(jobId, taken)).GetProperty("status").GetString().ShouldBe("completed");
        (await Jobs.NodeAsync(jobId, skipped)).GetProperty("status").GetString().ShouldBe("skipped");
        (await Jobs.NodeAsync(jobId, "END")).GetProperty("status").GetString().ShouldBe("completed");
        (await Jobs.NodeAsync(jobId, "check_tiling")).GetProperty("output").GetProperty("taken_branch").GetString().ShouldBe(taken);
    }
}
