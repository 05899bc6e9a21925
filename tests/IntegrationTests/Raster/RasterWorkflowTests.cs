using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Raster;

/// <summary>The three original raster workflows, unchanged, run for real: GDAL, Azurite, the STAC catalog.</summary>
[Collection(RasterCollection.Name)]
public sealed class RasterWorkflowTests(DagMasterAppFixture app, RasterFixture raster) : IntegrationTestBase(app)
{
    private JobsApi Jobs => new(Client);

    [Fact]
    public async Task RasterIngest_WhenTheEmbeddedWorkerRunsTheSample_WritesACogInTargetCrsWithAValidStacItem()
    {
        // A DagMaster instance with its embedded worker configured by settings, as build/run starts it.
        var settings = raster.Environment();
        settings["EMBEDDED_WORKER"] = "true";
        settings["EMBEDDED_WORKER_URL"] = App.ServerAddress.ToString();
        await using var embedded = new AdditionalHost(App, settings: settings);
        _ = embedded.Services;

        var jobId = await Jobs.SubmitOkAsync("raster_ingest", new { container_name = "bronze", blob_name = TestRasters.Rgb, collection_id = "samples" });
        await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 90);

        var cog = (await RasterChecks.OutputAsync(Jobs, jobId, "create_cog"));
        var (layout, epsg) = await RasterChecks.CogAsync(raster, cog.GetProperty("cog_container").GetString()!, cog.GetProperty("cog_blob").GetString()!);
        layout.ShouldBe("COG");
        epsg.ShouldBe(4326);
        var itemId = (await RasterChecks.OutputAsync(Jobs, jobId, "register_stac_item")).GetProperty("item_id").GetString()!;
        var item = await RasterChecks.ValidItemAsync(raster, "samples", itemId);
        item["assets"]!["data"]!["href"]!.GetValue<string>().ShouldBe(cog.GetProperty("cog_url").GetString());
        item["properties"]!["proj:epsg"]!.GetValue<int>().ShouldBe(4326);
        var collection = await RasterChecks.ValidCollectionAsync(raster, "samples");
        collection["links"]!.AsArray().Select(l => l!["href"]!.GetValue<string>()).ShouldContain($"./{itemId}.json");
        raster.MountLeftovers().ShouldBeEmpty();
    }

    [Fact]
    public async Task RasterProcess_WhenTheEstimateIsBelowTheThreshold_WritesOneReprojectedCog()
    {
        await using var worker = await InProcessWorker.StartAsync(App, raster: raster.Configure);

        var jobId = await Jobs.SubmitOkAsync("raster_process", new { container_name = "bronze", blob_name = TestRasters.Dem, collection_id = "dems" });
        await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 90);

        (await Jobs.NodeAsync(jobId, "generate_tiling_scheme")).GetProperty("status").GetString().ShouldBe("skipped");
        var validation = (await RasterChecks.OutputAsync(Jobs, jobId, "validate_raster"));
        validation.GetProperty("crs").GetString().ShouldBe("EPSG:32633");
        validation.GetProperty("raster_type").GetString().ShouldBe("dem");
        var cog = (await RasterChecks.OutputAsync(Jobs, jobId, "create_cog_single"));
        var (layout, epsg) = await RasterChecks.CogAsync(raster, "silver", cog.GetProperty("cog_blob").GetString()!);
        layout.ShouldBe("COG");
        epsg.ShouldBe(4326);
        var item = await RasterChecks.ValidItemAsync(raster, "dems", (await RasterChecks.OutputAsync(Jobs, jobId, "register_stac_item")).GetProperty("item_id").GetString()!);
        item["assets"]!["data"]!["raster:bands"]![0]!["nodata"]!.GetValue<double>().ShouldBe(-9999);
        item["assets"]!["data"]!["raster:bands"]![0]!["data_type"]!.GetValue<string>().ShouldBe("int16");
        await RasterChecks.ValidCollectionAsync(raster, "dems");
        raster.MountLeftovers().ShouldBeEmpty();
    }

    [Fact]
    public async Task RasterProcess_WhenTheEstimateIsAboveTheThreshold_RegistersOneItemPerTileInsideTheCollectionExtent()
    {
        await using var worker = await InProcessWorker.StartAsync(App, raster: raster.Configure);

        var jobId = await Jobs.SubmitOkAsync("raster_process", new
        {
            container_name = "bronze",
            blob_name = TestRasters.Large,
            collection_id = "tiled",
            tiling_threshold_mb = 1,
            tile_size = 512,
            tile_overlap = 32,
        });
        await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 120);

        (await Jobs.NodeAsync(jobId, "create_cog_single")).GetProperty("status").GetString().ShouldBe("skipped");
        var tiles = (await RasterChecks.OutputAsync(Jobs, jobId, "process_tiles")).GetProperty("tile_cogs").EnumerateArray().ToList();
        tiles.Count.ShouldBe(4);
        var itemIds = (await RasterChecks.OutputAsync(Jobs, jobId, "register_stac_items")).GetProperty("item_ids").EnumerateArray().Select(i => i.GetString()!).ToList();
        itemIds.Count.ShouldBe(4);
        var collection = await RasterChecks.ValidCollectionAsync(raster, "tiled");
        var extent = RasterChecks.Box(collection["extent"]!["spatial"]!["bbox"]![0]);
        foreach (var id in itemIds)
        {
            var item = await RasterChecks.ValidItemAsync(raster, "tiled", id);
            RasterChecks.Covers(extent, RasterChecks.Box(item["bbox"])).ShouldBeTrue($"the collection extent {string.Join(",", extent)} covers item {id}");
            var (layout, _) = await RasterChecks.CogAsync(raster, "silver", new Uri(item["assets"]!["data"]!["href"]!.GetValue<string>()).AbsolutePath.Split("/silver/")[1]);
            layout.ShouldBe("COG");
        }

        collection["links"]!.AsArray().Count(l => l!["rel"]!.GetValue<string>() == "item").ShouldBe(4);
        raster.MountLeftovers().ShouldBeEmpty();
    }

    [Fact]
    public async Task RasterValidateTest_WhenBlobPathNamesABlob_ReportsCrsNodataAndType()
    {
        await using var worker = await InProcessWorker.StartAsync(App, raster: raster.Configure);

        var jobId = await Jobs.SubmitOkAsync("raster_validate_test", new { blob_path = "bronze/" + TestRasters.Dem });
        await Jobs.WaitForStatusAsync(jobId, "completed", timeoutSeconds: 60);

        var output = (await RasterChecks.OutputAsync(Jobs, jobId, "validate"));
        output.GetProperty("crs").GetString().ShouldBe("EPSG:32633");
        output.GetProperty("nodata").GetDouble().ShouldBe(-9999);
        output.GetProperty("band_count").GetInt32().ShouldBe(1);
        output.GetProperty("data_type").GetString().ShouldBe("Int16");
        output.GetProperty("raster_type").GetString().ShouldBe("dem");
        output.GetProperty("bounds").GetArrayLength().ShouldBe(4);
        raster.MountLeftovers().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(TestRasters.Corrupt, "is not a readable raster")]
    [InlineData(TestRasters.NoCrs, "has no coordinate reference system")]
    [InlineData("samples/missing.tif", "does not exist")]
    public async Task RasterIngest_WhenTheInputIsBad_FailsNamingTheFileAndReasonAndLeavesTheMountEmpty(string blob, string reason)
    {
        await using var worker = await InProcessWorker.StartAsync(App, raster: raster.Configure);

        var jobId = await Jobs.SubmitOkAsync("raster_ingest", new { container_name = "bronze", blob_name = blob, collection_id = "bad" });
        var job = await Jobs.WaitForStatusAsync(jobId, "failed", timeoutSeconds: 60);

        var error = job.GetProperty("error").GetString()!;
        error.ShouldContain(blob);
        error.ShouldContain(reason);
        raster.MountLeftovers().ShouldBeEmpty();
    }
}
