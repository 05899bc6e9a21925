using System.Text.Json.Nodes;
using DagMaster.Worker.Raster.Stac;

namespace DagMaster.Worker.Raster.Handlers;

/// <summary>
/// <c>raster.stac_register_item</c>: writes the STAC item of <c>cog_container</c>/<c>cog_blob</c> (id <c>item_id</c>, or the
/// COG's file name) beside its collection and adds it to the collection's links and extent → <c>item_id</c>,
/// <c>item_url</c>, <c>collection_id</c>, <c>cog_url</c>. The job's last raster step: its staged input is removed.
/// </summary>
public sealed class StacRegisterItemHandler(RasterServices services) : RasterTaskHandler(services)
{
    public const string HandlerName = "raster.stac_register_item";

    public override string Name => HandlerName;

    protected override bool EndsJob => true;

    protected override async Task<JsonObject> RunAsync(RasterStep step, CancellationToken cancellationToken)
    {
        var parameters = step.Context.Params;
        var collectionId = StacCatalog.CheckId(RasterParams.Required(parameters, "collection_id"), "collection_id");
        var blob = RasterParams.Required(parameters, "cog_blob");
        var container = RasterParams.Optional(parameters, "cog_container") ?? Services.Options.SilverContainer;
        var itemId = StacCatalog.CheckId(RasterParams.Optional(parameters, "item_id") ?? StacItemSource.IdFor(blob), "item_id");
        var properties = StacFields.From(parameters);
        if (RasterParams.Optional(parameters, "title") is { } title)
        {
            properties["title"] = title;
        }

        var item = await StacItemSource.ItemAsync(Services, container, blob, itemId, collectionId, properties, cancellationToken);
        await Services.Catalog.RegisterItemsAsync(collectionId, [item], cancellationToken);
        return new JsonObject
        {
            ["item_id"] = itemId,
            ["item_url"] = Services.Catalog.Url(StacCatalog.ItemPath(collectionId, itemId)).ToString(),
            ["collection_id"] = collectionId,
            ["cog_url"] = item["assets"]!["data"]!["href"]!.DeepClone(),
            ["bbox"] = item["bbox"]!.DeepClone(),
        };
    }
}
