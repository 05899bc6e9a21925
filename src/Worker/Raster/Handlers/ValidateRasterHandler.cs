namespace DagMaster.Worker.Raster.Handlers;

/// <summary><c>validate_raster</c>: the original README's list-form name for <see cref="RasterValidateHandler"/> (it also reads <c>source_url</c>).</summary>
public sealed class ValidateRasterHandler(RasterServices services) : RasterValidateHandler(services)
{
    public new const string HandlerName = "validate_raster";

    public override string Name => HandlerName;
}
