using System.Text.Json;
using System.Text.Json.Nodes;

namespace DagMaster.IntegrationTests.Raster;

/// <summary>What the raster tests read back: a COG's layout and CRS (gdalinfo), and STAC documents checked against the schemas.</summary>
public static class RasterChecks
{
    /// <summary>(LAYOUT, EPSG code) of a COG the tests downloaded.</summary>
    public static async Task<(string? Layout, int? Epsg)> CogAsync(RasterFixture raster, string container, string blob)
    {
        var file = await raster.DownloadAsync(container, blob);
        var info = JsonNode.Parse(await TestRasters.GdalAsync("gdalinfo", "-json", file))!;
        return (info["metadata"]?["IMAGE_STRUCTURE"]?["LAYOUT"]?.GetValue<string>(), info["stac"]?["proj:epsg"]?.GetValue<int>());
    }

    /// <summary>The item, after checking it against the item, projection and raster schemas.</summary>
    public static async Task<JsonObject> ValidItemAsync(RasterFixture raster, string collectionId, string itemId)
    {
        var item = await raster.JsonAsync("stac", $"{collectionId}/{itemId}.json");
        raster.Stac.ItemErrors(item).ShouldBeEmpty();
        return item;
    }

    /// <summary>The collection, after checking it (and the catalog that must link it) against the schemas.</summary>
    public static async Task<JsonObject> ValidCollectionAsync(RasterFixture raster, string collectionId)
    {
        var collection = await raster.JsonAsync("stac", $"{collectionId}/collection.json");
        raster.Stac.CollectionErrors(collection).ShouldBeEmpty();
        var catalog = await raster.JsonAsync("stac", "catalog.json");
        raster.Stac.CatalogErrors(catalog).ShouldBeEmpty();
        catalog["links"]!.AsArray().Select(l => l!["href"]!.GetValue<string>()).ShouldContain($"./{collectionId}/collection.json");
        return collection;
    }

    public static double[] Box(JsonNode? node) => [.. node!.AsArray().Select(v => v!.GetValue<double>())];

    public static bool Covers(double[] outer, double[] inner) =>
        outer[0] <= inner[0] + 1e-9 && outer[1] <= inner[1] + 1e-9 && outer[2] >= inner[2] - 1e-9 && outer[3] >= inner[3] - 1e-9;

    /// <summary>A node's output, as the job's nodes API reports it.</summary>
    public static async Task<JsonElement> OutputAsync(JobsApi jobs, Guid jobId, string node) =>
        (await jobs.NodeAsync(jobId, node)).GetProperty("output");
}
