using System.Text.Json.Nodes;
using DagMaster.Worker.Raster.Cog;
using DagMaster.Worker.Raster.Gdal;

namespace DagMaster.Worker.Raster.Validation;

/// <summary>
/// Reads a raster's metadata with <c>gdalinfo -json</c> and judges it: readable, with a CRS (its own or
/// <c>input_crs</c>), a known raster type and output tier. Bad input is a non-retryable failure naming the file.
/// </summary>
public sealed class RasterInspector(GdalTools gdal)
{
    /// <summary>The raster's info; a non-retryable <c>invalid_raster</c> failure when GDAL cannot read it.</summary>
    public async Task<RasterInfo> ReadAsync(string path, string display, string workFolder, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await gdal.InfoJsonAsync(path, workFolder, cancellationToken);
        }
        catch (GdalToolException ex)
        {
            throw new TaskFailedException($"'{display}' is not a readable raster: {ex.Reason}", "invalid_raster", retryable: false, ex);
        }

        var info = RasterInfo.Parse(json);
        return info.Bands.Count > 0 && info.Width > 0 && info.Height > 0
            ? info
            : throw new TaskFailedException($"'{display}' is not a readable raster: it has no bands.", "invalid_raster", retryable: false);
    }

    /// <summary>The validation output the later steps read (<c>bounds</c>, <c>estimated_compressed_mb</c>, <c>crs</c>, …).</summary>
    public async Task<JsonObject> ValidateAsync(RasterSource source, ValidationRequest request, string workFolder, CancellationToken cancellationToken)
    {
        var info = await ReadAsync(source.Path, source.Display, workFolder, cancellationToken);
        var crsSource = "file";
        if (!info.HasCrs)
        {
            if (string.IsNullOrWhiteSpace(request.InputCrs))
            {
                throw new TaskFailedException(
                    $"'{source.Display}' has no coordinate reference system, and no input_crs was given.", "missing_crs", retryable: false);
            }

            info = await WithAssignedCrsAsync(source, request.InputCrs, workFolder, cancellationToken);
            crsSource = "input_crs";
        }

        var requestedType = string.IsNullOrWhiteSpace(request.RasterType) ? "auto" : request.RasterType.Trim().ToLowerInvariant();
        if (!RasterTypes.Known.Contains(requestedType))
        {
            throw TaskFailedException.InvalidParams($"Unknown raster_type '{request.RasterType}'; use one of {string.Join(", ", RasterTypes.Known)}.");
        }

        var detected = RasterTypes.Detect(info);
        var rasterType = requestedType == "auto" ? detected : requestedType;
        var dataType = info.Bands[0].DataType;
        var profile = CogProfile.For(request.OutputTier, rasterType, info.Bands.Count, dataType);
        var uncompressedMb = (double)info.Width * info.Height * info.Bands.Sum(b => RasterTypes.BytesPerSample(b.DataType)) / (1024 * 1024);
        var fileBytes = File.Exists(source.Path) ? new FileInfo(source.Path).Length : 0;
        return new JsonObject
        {
            ["valid"] = true,
            ["local_path"] = source.Path,
            ["file_name"] = source.Display,
            ["file_size_bytes"] = fileBytes,
            ["file_size_mb"] = Math.Round(fileBytes / (1024.0 * 1024.0), 3),
            ["width"] = info.Width,
            ["height"] = info.Height,
            ["band_count"] = info.Bands.Count,
            ["data_type"] = dataType,
            ["nodata"] = info.Bands[0].NoData,
            ["bands"] = new JsonArray([.. info.Bands.Select((b, i) => (JsonNode)new JsonObject
            {
                ["band"] = i + 1,
                ["data_type"] = b.DataType,
                ["nodata"] = b.NoData,
                ["color_interpretation"] = b.ColorInterpretation,
            })]),
            ["crs"] = crsSource == "input_crs" ? request.InputCrs!.Trim() : info.CrsCode ?? "custom",
            ["epsg"] = info.Epsg,
            ["crs_source"] = crsSource,
            ["bounds"] = Numbers(info.Wgs84Bounds),
            ["native_bounds"] = Numbers(info.NativeBounds),
            ["pixel_size"] = info.GeoTransform is { Count: 6 } t ? new JsonArray(t[1], Math.Abs(t[5])) : null,
            ["compression"] = info.Compression ?? "NONE",
            ["raster_type"] = rasterType,
            ["detected_raster_type"] = detected,
            ["output_tier"] = profile.Tier,
            ["compression_profile"] = new JsonObject
            {
                ["compression"] = profile.Compression,
                ["creation_options"] = new JsonArray([.. profile.CreationOptions.Select(o => (JsonNode)o)]),
            },
            ["estimated_uncompressed_mb"] = Math.Round(uncompressedMb, 3),
            ["estimated_compressed_mb"] = Math.Round(uncompressedMb * profile.Ratio, 3),
        };
    }

    /// <summary>The info of the raster seen through a VRT that assigns <paramref name="crs"/> (nothing is copied).</summary>
    private async Task<RasterInfo> WithAssignedCrsAsync(RasterSource source, string crs, string workFolder, CancellationToken cancellationToken)
    {
        var vrt = Path.Combine(workFolder, "assigned-crs.vrt");
        try
        {
            await gdal.TranslateAsync(["-of", "VRT", "-a_srs", crs.Trim(), source.Path, vrt], workFolder, cancellationToken);
        }
        catch (GdalToolException ex)
        {
            throw TaskFailedException.InvalidParams($"input_crs '{crs}' cannot be applied to '{source.Display}': {ex.Reason}");
        }

        return await ReadAsync(vrt, source.Display, workFolder, cancellationToken);
    }

    private static JsonArray? Numbers(IReadOnlyList<double>? values) =>
        values is null ? null : new JsonArray([.. values.Select(v => (JsonNode)Math.Round(v, 9))]);
}
