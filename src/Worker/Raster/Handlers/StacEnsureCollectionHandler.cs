using System.Text.Json.Nodes;
using DagMaster.Worker.Raster.Stac;

namespace DagMaster.Worker.Raster.Handlers;

/// <summary>
/// <c>raster.stac_ensure_collection</c>: creates the collection when missing (its extent from <c>bounds</c>) or widens an
/// existing one, and links it from <c>catalog.json</c> → <c>collection_id</c>, <c>collection_url</c>, <c>created</c>,
/// <c>bounds</c>. Idempotent.
/// </summary>
public sealed class StacEnsureCollectionHandler(RasterServices services) : RasterTaskHandler(services)
{
    public const string HandlerName = "raster.stac_ensure_collection";

    public override string Name => HandlerName;

    protected override async Task<JsonObject> RunAsync(RasterStep step, CancellationToken cancellationToken)
    {
        var parameters = step.Context.Params;
        var id = StacCatalog.CheckId(RasterParams.Required(parameters, "collection_id"), "collection_id");
        var fields = StacFields.From(parameters);
        if (RasterParams.Flag(parameters, "is_tiled"))
        {
            fields["dagmaster:tiled"] = true;
        }

        if (parameters["grid_dimensions"] is { } grid && grid.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            fields["dagmaster:grid_dimensions"] = grid.DeepClone();
        }

        var (collection, created) = await Services.Catalog.EnsureCollectionAsync(
            id, RasterParams.Optional(parameters, "title"), RasterParams.Bounds(parameters, "bounds"), fields, cancellationToken);
        return new JsonObject
        {
            ["collection_id"] = id,
            ["collection_url"] = Services.Catalog.Url(StacCatalog.CollectionPath(id)).ToString(),
            ["created"] = created,
            ["bounds"] = collection["extent"]!["spatial"]!["bbox"]![0]!.DeepClone(),
        };
    }
}
