using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DagMaster.Worker.Raster.Gdal;

/// <summary>What the handlers need from <c>gdalinfo -json</c>.</summary>
public sealed record RasterInfo(
    int Width,
    int Height,
    IReadOnlyList<RasterBand> Bands,
    int? Epsg,
    bool HasCrs,
    IReadOnlyList<double>? GeoTransform,
    IReadOnlyList<double>? NativeBounds,
    IReadOnlyList<double>? Wgs84Bounds,
    string? Compression,
    string? Layout)
{
    /// <summary>"EPSG:4326" style, or null when the file has no CRS or one without an EPSG code.</summary>
    public string? CrsCode => Epsg is { } code ? $"EPSG:{code.ToString(CultureInfo.InvariantCulture)}" : null;

    /// <summary>Reads <c>gdalinfo -json</c> output.</summary>
    public static RasterInfo Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("gdalinfo printed no JSON object");
        var size = root["size"]!.AsArray();
        var bands = (root["bands"]?.AsArray() ?? [])
            .Select(b => new RasterBand(
                b!["type"]?.GetValue<string>() ?? "Unknown",
                NoData(b["noDataValue"]),
                b["colorInterpretation"]?.GetValue<string>() ?? "Undefined"))
            .ToList();
        var wkt = root["coordinateSystem"]?["wkt"]?.GetValue<string>();
        var structure = root["metadata"]?["IMAGE_STRUCTURE"];
        return new RasterInfo(
            size[0]!.GetValue<int>(),
            size[1]!.GetValue<int>(),
            bands,
            root["stac"]?["proj:epsg"] is JsonValue epsg && epsg.GetValueKind() == JsonValueKind.Number ? epsg.GetValue<int>() : null,
            !string.IsNullOrWhiteSpace(wkt),
            root["geoTransform"]?.AsArray().Select(v => v!.GetValue<double>()).ToList(),
            Corners(root["cornerCoordinates"]),
            Extent(root["wgs84Extent"]),
            structure?["COMPRESSION"]?.GetValue<string>(),
            structure?["LAYOUT"]?.GetValue<string>());
    }

    private static double? NoData(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Number => node.GetValue<double>(),
        JsonValueKind.String when double.TryParse(node.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
        _ => null, // absent, or "nan"/"inf" which STAC cannot carry as numbers either
    };

    private static List<double>? Corners(JsonNode? corners)
    {
        if (corners is not JsonObject all)
        {
            return null;
        }

        var points = new[] { "upperLeft", "lowerLeft", "lowerRight", "upperRight" }
            .Select(name => all[name]?.AsArray())
            .Where(p => p is not null)
            .Select(p => (X: p![0]!.GetValue<double>(), Y: p[1]!.GetValue<double>()))
            .ToList();
        return points.Count == 0 ? null : [points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y)];
    }

    private static List<double>? Extent(JsonNode? polygon)
    {
        var ring = polygon?["coordinates"]?[0]?.AsArray();
        if (ring is null || ring.Count == 0)
        {
            return null;
        }

        var points = ring.Select(p => (X: p![0]!.GetValue<double>(), Y: p[1]!.GetValue<double>())).ToList();
        return [points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y)];
    }
}
