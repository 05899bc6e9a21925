using System.Text.Json.Nodes;
using DagMaster.Worker.Raster.Cog;
using DagMaster.Worker.Raster.Validation;

namespace DagMaster.Worker.Raster.Handlers;

/// <summary>What the COG-writing handlers share: reading the validation, naming outputs, building the COG request.</summary>
internal static class CogOutput
{
    public const string ContentType = "image/tiff; application=geotiff; profile=cloud-optimized";

    /// <summary>The <c>validation</c> param, or (list form, which passes none) a fresh validation of the source.</summary>
    public static async Task<JsonObject> ValidationAsync(RasterServices services, RasterStep step, RasterSource source, CancellationToken cancellationToken)
    {
        if (step.Context.Params["validation"] is not null)
        {
            return RasterParams.Object(step.Context.Params, "validation");
        }

        var parameters = step.Context.Params;
        return await services.Inspector.ValidateAsync(
            source,
            new ValidationRequest(RasterParams.Optional(parameters, "input_crs"), RasterParams.Optional(parameters, "raster_type"), RasterParams.Optional(parameters, "output_tier")),
            step.WorkFolder,
            cancellationToken);
    }

    public static CogRequest Request(JsonObject validation, string sourcePath, string targetCrs, string? tier, PixelWindow? window, string outputPath)
    {
        var rasterType = validation["raster_type"]?.GetValue<string>() ?? "auto";
        var bands = validation["band_count"]?.GetValue<int>() ?? 1;
        var dataType = validation["data_type"]?.GetValue<string>() ?? "Byte";
        var crs = validation["crs"]?.GetValue<string>();
        var assigned = validation["crs_source"]?.GetValue<string>() == "input_crs" ? crs : null;
        return new CogRequest(
            sourcePath,
            crs,
            assigned,
            targetCrs,
            CogProfile.For(tier ?? validation["output_tier"]?.GetValue<string>(), rasterType, bands, dataType),
            rasterType,
            validation["nodata"]?.GetValue<double>(),
            window,
            outputPath);
    }

    /// <summary>The blob name of a COG: <c>[output_folder/]name</c>.</summary>
    public static string BlobName(string? folder, string name) =>
        string.IsNullOrWhiteSpace(folder) ? name : $"{folder.Trim().Trim('/')}/{name}";

    /// <summary>The source's file name without extension, made safe for blob and STAC ids.</summary>
    public static string Stem(JsonObject validation, string sourcePath)
    {
        var name = validation["file_name"]?.GetValue<string>() ?? sourcePath;
        var stem = Path.GetFileNameWithoutExtension(name.Replace('\\', '/').Split('/')[^1]);
        return Staging.MountFolder.Safe(string.IsNullOrWhiteSpace(stem) ? "raster" : stem);
    }

    public static Dictionary<string, string> Metadata(CogSummary summary, TaskContext context) => new()
    {
        [CogSummary.MetadataKey] = summary.ToMetadata(),
        ["job_id"] = context.JobId,
        ["task_id"] = MetadataSafe(context.TaskId),
        ["attempt"] = context.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string MetadataSafe(string value) => new([.. value.Select(c => c is >= ' ' and <= '~' ? c : '_')]);
}
