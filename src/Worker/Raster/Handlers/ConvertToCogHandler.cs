namespace DagMaster.Worker.Raster.Handlers;

/// <summary><c>convert_to_cog</c>: the original README's list-form name for <see cref="CreateCogHandler"/> (it also reads <c>source_url</c>).</summary>
public sealed class ConvertToCogHandler(RasterServices services) : CreateCogHandler(services)
{
    public new const string HandlerName = "convert_to_cog";

    public override string Name => HandlerName;
}
