using System.Text.Json;
using System.Text.Json.Nodes;
using DagMaster.Worker.Raster.Gdal;

namespace DagMaster.Worker.Raster.Cog;

/// <summary>
/// What the STAC steps need to know about a COG, kept as the blob's metadata (key <see cref="MetadataKey"/>) so that
/// registering an item needs neither GDAL nor the file: its CRS, shape, transform, native and WGS84 boxes, and bands.
/// </summary>
public sealed record CogSummary(
    int? Epsg,
    IReadOnlyList<int> Shape,
    IReadOnlyList<double>? Transform,
    IReadOnlyList<double>? NativeBounds,
    IReadOnlyList<double> Bounds,
    IReadOnlyList<CogBand> Bands)
{
    public const string MetadataKey = "raster_summary";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static CogSummary From(RasterInfo info) => new(
        info.Epsg,
        [info.Height, info.Width],
        info.GeoTransform is { Count: 6 } t ? [t[1], t[2], t[0], t[4], t[5], t[3]] : null,
        info.NativeBounds,
        info.Wgs84Bounds ?? throw new InvalidOperationException("the COG has no WGS84 extent"),
        [.. info.Bands.Select(b => new CogBand(b.DataType, b.NoData))]);

    public string ToMetadata() => JsonSerializer.Serialize(this, s_json);

    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, s_json)!.AsObject();

    /// <summary>Reads the metadata a COG was uploaded with; null when it has none (a COG written by something else).</summary>
    public static CogSummary? FromMetadata(IDictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(MetadataKey, out var json) ? JsonSerializer.Deserialize<CogSummary>(json, s_json) : null;
}
