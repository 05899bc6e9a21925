using System.Globalization;
using System.Text.Json.Nodes;
using DagMaster.Worker.Raster.Cog;

namespace DagMaster.Worker.Raster.Stac;

/// <summary>Builds STAC 1.0 items for COGs, with the projection (v1.1.0) and raster (v1.1.0) extensions.</summary>
public static class StacItems
{
    public const string Version = "1.0.0";
    public const string ProjectionExtension = "https://stac-extensions.github.io/projection/v1.1.0/schema.json";
    public const string RasterExtension = "https://stac-extensions.github.io/raster/v1.1.0/schema.json";

    /// <summary>An item whose <c>data</c> asset links to the COG at <paramref name="cogUrl"/>.</summary>
    public static JsonObject Create(string id, string collectionId, Uri cogUrl, CogSummary cog, DateTimeOffset now, JsonObject extraProperties)
    {
        var b = cog.Bounds;
        var properties = new JsonObject
        {
            ["datetime"] = Timestamp(now),
            ["created"] = Timestamp(now),
        };
        if (cog.Epsg is { } epsg)
        {
            properties["proj:epsg"] = epsg;
        }

        properties["proj:shape"] = new JsonArray([.. cog.Shape.Select(v => (JsonNode)v)]);
        if (cog.Transform is { } transform)
        {
            properties["proj:transform"] = new JsonArray([.. transform.Select(v => (JsonNode)v)]);
        }

        if (cog.NativeBounds is { } native)
        {
            properties["proj:bbox"] = new JsonArray([.. native.Select(v => (JsonNode)v)]);
        }

        foreach (var (key, value) in extraProperties)
        {
            properties[key] = value?.DeepClone();
        }

        return new JsonObject
        {
            ["type"] = "Feature",
            ["stac_version"] = Version,
            ["stac_extensions"] = new JsonArray(ProjectionExtension, RasterExtension),
            ["id"] = id,
            ["collection"] = collectionId,
            ["bbox"] = new JsonArray(b[0], b[1], b[2], b[3]),
            ["geometry"] = new JsonObject
            {
                ["type"] = "Polygon",
                ["coordinates"] = new JsonArray(new JsonArray(
                    new JsonArray(b[0], b[1]), new JsonArray(b[2], b[1]), new JsonArray(b[2], b[3]), new JsonArray(b[0], b[3]), new JsonArray(b[0], b[1]))),
            },
            ["properties"] = properties,
            ["links"] = new JsonArray(
                Link("root", "../catalog.json"),
                Link("parent", "./collection.json"),
                Link("collection", "./collection.json")),
            ["assets"] = new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["href"] = cogUrl.ToString(),
                    ["type"] = "image/tiff; application=geotiff; profile=cloud-optimized",
                    ["title"] = "Cloud Optimized GeoTIFF",
                    ["roles"] = new JsonArray("data"),
                    ["raster:bands"] = new JsonArray([.. cog.Bands.Select(Band)]),
                },
            },
        };
    }

    public static JsonObject Link(string rel, string href, string type = "application/json") =>
        new() { ["rel"] = rel, ["href"] = href, ["type"] = type };

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonNode Band(CogBand band)
    {
        var node = new JsonObject { ["data_type"] = DataType(band.DataType) };
        if (band.NoData is { } nodata)
        {
            node["nodata"] = nodata;
        }

        return node;
    }

    /// <summary>GDAL's data type names in the raster extension's vocabulary.</summary>
    private static string DataType(string gdal) => gdal switch
    {
        "Byte" => "uint8",
        "Int8" or "Int16" or "Int32" or "Int64" or "UInt16" or "UInt32" or "UInt64" or "Float32" or "Float64"
            or "CInt16" or "CInt32" or "CFloat32" or "CFloat64" => gdal.ToLowerInvariant(),
        _ => "other",
    };
}
