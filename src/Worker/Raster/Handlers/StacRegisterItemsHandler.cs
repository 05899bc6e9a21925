using System.Text.Json.Nodes;
using DagMaster.Worker.Raster.Stac;

namespace DagMaster.Worker.Raster.Handlers;

/// <summary>
/// <c>raster.stac_register_items</c>: one STAC item per tile COG of <c>tile_cogs</c> (ids from their file names), written
/// beside the collection, whose links and extent then cover them all → <c>item_ids</c>, <c>item_count</c>,
/// <c>collection_id</c>, <c>collection_url</c>. The tiled branch's last raster step: the staged input is removed.
/// </summary>
public sealed class StacRegisterItemsHandler(RasterServices services) : RasterTaskHandler(services)
{
    public const string HandlerName = "raster.stac_register_items";

    public override string Name => HandlerName;

    protected override bool EndsJob => true;

    protected override async Task<JsonObject> RunAsync(RasterStep step, CancellationToken cancellationToken)
    {
        var parameters = step.Context.Params;
        var collectionId = StacCatalog.CheckId(RasterParams.Required(parameters, "collection_id"), "collection_id");
        var container = RasterParams.Optional(parameters, "cog_container") ?? Services.Options.SilverContainer;
        var tiles = RasterParams.Array(parameters, "tile_cogs") ?? throw TaskFailedException.InvalidParams("'tile_cogs' is required.");
        var properties = StacFields.From(parameters);
        var items = new List<JsonObject>();
        foreach (var tile in tiles)
        {
            var blob = tile?.GetValueKind() == System.Text.Json.JsonValueKind.String ? tile.GetValue<string>() : tile?["blob"]?.GetValue<string>()
                ?? throw TaskFailedException.InvalidParams($"Each of 'tile_cogs' needs a blob, not {tile?.ToJsonString() ?? "null"}.");
            items.Add(await StacItemSource.ItemAsync(Services, container, blob, StacItemSource.IdFor(blob), collectionId, properties, cancellationToken));
        }

        await Services.Catalog.RegisterItemsAsync(collectionId, items, cancellationToken);
        return new JsonObject
        {
            ["item_ids"] = new JsonArray([.. items.Select(i => i["id"]!.DeepClone())]),
            ["item_count"] = items.Count,
            ["collection_id"] = collectionId,
            ["collection_url"] = Services.Catalog.Url(StacCatalog.CollectionPath(collectionId)).ToString(),
        };
    }
}
