using System.Text.Json.Nodes;
using DagMaster.Worker.Raster.Validation;

namespace DagMaster.Worker.Raster.Handlers;

/// <summary>
/// <c>raster.validate</c>: <c>gdalinfo -json</c> on the staged file (or <c>blob_path</c>) → CRS (or <c>input_crs</c>),
/// bands, data type, nodata, size, compression, <c>estimated_compressed_mb</c>, WGS84 <c>bounds</c> and the detected
/// raster type. Not a raster, no CRS, an unknown tier or type: a non-retryable failure naming the file.
/// </summary>
public class RasterValidateHandler(RasterServices services) : RasterTaskHandler(services)
{
    public const string HandlerName = "raster.validate";

    public override string Name => HandlerName;

    protected override async Task<JsonObject> RunAsync(RasterStep step, CancellationToken cancellationToken)
    {
        var parameters = step.Context.Params;
        var source = await RasterSources.ResolveAsync(Services, step, cancellationToken);
        var request = new ValidationRequest(
            RasterParams.Optional(parameters, "input_crs"),
            RasterParams.Optional(parameters, "raster_type"),
            RasterParams.Optional(parameters, "output_tier"));
        return await Services.Inspector.ValidateAsync(source, request, step.WorkFolder, cancellationToken);
    }
}
