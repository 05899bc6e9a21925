using System.Text.Json.Nodes;
using DagMaster.Worker.Raster.Cog;

namespace DagMaster.Worker.Raster.Handlers;

/// <summary>
/// <c>raster.create_cog</c>: reprojects the staged file to <c>target_crs</c> when needed (<c>gdalwarp</c>), writes a COG
/// (<c>gdal_translate -of COG</c>, compression by <c>output_tier</c>) and uploads it to the silver container →
/// <c>cog_blob</c>, <c>cog_container</c>, <c>cog_url</c>, <c>size_bytes</c>, <c>size_mb</c>, <c>sha256</c>, <c>bounds</c>, …
/// </summary>
public class CreateCogHandler(RasterServices services) : RasterTaskHandler(services)
{
    public const string HandlerName = "raster.create_cog";

    public override string Name => HandlerName;

    protected override async Task<JsonObject> RunAsync(RasterStep step, CancellationToken cancellationToken)
    {
        var parameters = step.Context.Params;
        var source = await RasterSources.ResolveAsync(Services, step, cancellationToken);
        var validation = await CogOutput.ValidationAsync(Services, step, source, cancellationToken);
        var targetCrs = RasterParams.Optional(parameters, "target_crs") ?? "EPSG:4326";
        var stem = CogOutput.Stem(validation, source.Path);
        var file = Path.Combine(step.WorkFolder, $"{stem}_cog.tif");
        var request = CogOutput.Request(validation, source.Path, targetCrs, RasterParams.Optional(parameters, "output_tier"), null, file);
        var info = await Services.Cogs.WriteAsync(request, step.WorkFolder, cancellationToken);
        var summary = CogSummary.From(info);

        var blob = CogOutput.BlobName(RasterParams.Optional(parameters, "output_folder"), $"{stem}_cog.tif");
        var stored = await Services.Storage.UploadAsync(
            Services.Options.SilverContainer, blob, file, CogOutput.ContentType, CogOutput.Metadata(summary, step.Context), cancellationToken);
        return new JsonObject
        {
            ["cog_blob"] = stored.Name,
            ["cog_container"] = stored.Container,
            ["cog_url"] = stored.Uri.ToString(),
            ["size_bytes"] = stored.SizeBytes,
            ["size_mb"] = Math.Round(stored.SizeBytes / (1024.0 * 1024.0), 3),
            ["sha256"] = stored.Sha256,
            ["content_md5"] = stored.Md5,
            ["crs"] = targetCrs,
            ["reprojected"] = !string.Equals(request.SourceCrs, targetCrs, StringComparison.OrdinalIgnoreCase),
            ["compression"] = request.Profile.Compression,
            ["output_tier"] = request.Profile.Tier,
            ["width"] = info.Width,
            ["height"] = info.Height,
            ["bounds"] = new JsonArray([.. summary.Bounds.Select(v => (JsonNode)v)]),
        };
    }
}
