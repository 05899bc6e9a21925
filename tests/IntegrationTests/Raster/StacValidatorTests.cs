using System.Text.Json.Nodes;

namespace DagMaster.IntegrationTests.Raster;

/// <summary>The offline STAC validation the raster tests trust refuses documents that break the schemas.</summary>
public sealed class StacValidatorTests
{
    private static readonly StacValidator s_validator = new();

    [Fact]
    public void ItemErrors_WhenAnItemHasNoGeometryAndABadBandType_ReportsBoth()
    {
        var item = new JsonObject
        {
            ["type"] = "Feature",
            ["stac_version"] = "1.0.0",
            ["stac_extensions"] = new JsonArray("https://stac-extensions.github.io/raster/v1.1.0/schema.json"),
            ["id"] = "broken",
            ["properties"] = new JsonObject { ["datetime"] = "2026-01-01T00:00:00Z" },
            ["links"] = new JsonArray(),
            ["assets"] = new JsonObject { ["data"] = new JsonObject { ["href"] = "x.tif", ["raster:bands"] = new JsonArray(new JsonObject { ["data_type"] = "Byte" }) } },
        };

        var errors = s_validator.ItemErrors(item);

        errors.ShouldContain(e => e.Contains("item.json", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("raster-v1.1.0.json", StringComparison.Ordinal));
    }
}
