using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DagMaster.Worker.Raster.Storage;

namespace DagMaster.Worker.Raster.Stac;

/// <summary>
/// A static STAC 1.0 catalog in one blob container: <c>catalog.json</c> at the root, <c>&lt;collection&gt;/collection.json</c>
/// and each item as <c>&lt;collection&gt;/&lt;item&gt;.json</c> beside it, linked with relative hrefs (and an absolute
/// <c>self</c>). Collections and the catalog are updated under an ETag condition, so concurrent jobs never lose a link or
/// shrink an extent.
/// </summary>
public sealed partial class StacCatalog(RasterBlobStorage storage, string container, TimeProvider clock)
{
    public const string CatalogId = "dagmaster";
    private const int WriteAttempts = 10;

    public static string CollectionPath(string collectionId) => $"{collectionId}/collection.json";

    public static string ItemPath(string collectionId, string itemId) => $"{collectionId}/{itemId}.json";

    public Uri Url(string path) => storage.BlobUri(container, path);

    /// <summary>A non-retryable failure unless <paramref name="id"/> is usable as a STAC id and a blob path segment.</summary>
    public static string CheckId(string id, string what) =>
        SafeId().IsMatch(id) ? id : throw TaskFailedException.InvalidParams($"'{what}' must be letters, digits, '.', '_' or '-', not '{id}'.");

    /// <summary>Creates the collection when missing (or widens its extent by <paramref name="bounds"/>) and links it from the catalog.</summary>
    public async Task<(JsonObject Collection, bool Created)> EnsureCollectionAsync(
        string collectionId, string? title, double[]? bounds, JsonObject extraFields, CancellationToken cancellationToken)
    {
        var created = false;
        var collection = await UpdateAsync(CollectionPath(collectionId), existing =>
        {
            created = existing is null;
            var document = existing ?? NewCollection(collectionId, title);
            if (!string.IsNullOrWhiteSpace(title))
            {
                document["title"] = title;
            }

            foreach (var (key, value) in extraFields)
            {
                document[key] = value?.DeepClone();
            }

            if (bounds is not null)
            {
                Widen(document, bounds, null, replaceDefault: created);
            }

            return document;
        }, cancellationToken);
        await LinkFromCatalogAsync(collectionId, cancellationToken);
        return (collection, created);
    }

    /// <summary>Writes the items beside their collection and adds them to its links and extent (the collection must exist).</summary>
    public async Task RegisterItemsAsync(string collectionId, IReadOnlyList<JsonObject> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            var path = ItemPath(collectionId, item["id"]!.GetValue<string>());
            var document = item.DeepClone().AsObject();
            document["links"]!.AsArray().Add(StacItems.Link("self", Url(path).ToString(), "application/geo+json"));
            await UpdateAsync(path, _ => document, cancellationToken);
        }

        await UpdateAsync(CollectionPath(collectionId), existing =>
        {
            var document = existing ?? throw new TaskFailedException(
                $"STAC collection '{collectionId}' does not exist; run raster.stac_ensure_collection first.", "missing_collection", retryable: false);
            var links = document["links"]!.AsArray();
            var known = links.Select(l => l?["href"]?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var item in items)
            {
                var href = $"./{item["id"]!.GetValue<string>()}.json";
                if (known.Add(href))
                {
                    links.Add(StacItems.Link("item", href, "application/geo+json"));
                }

                var bbox = item["bbox"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
                Widen(document, bbox, item["properties"]?["datetime"]?.GetValue<string>(), replaceDefault: false);
            }

            return document;
        }, cancellationToken);
        await LinkFromCatalogAsync(collectionId, cancellationToken);
    }

    private async Task LinkFromCatalogAsync(string collectionId, CancellationToken cancellationToken) =>
        await UpdateAsync("catalog.json", existing =>
        {
            var catalog = existing ?? new JsonObject
            {
                ["type"] = "Catalog",
                ["stac_version"] = StacItems.Version,
                ["id"] = CatalogId,
                ["title"] = "DagMaster raster catalog",
                ["description"] = "Cloud Optimized GeoTIFFs registered by DagMaster's raster workflows.",
                ["links"] = new JsonArray(StacItems.Link("root", "./catalog.json"), StacItems.Link("self", Url("catalog.json").ToString())),
            };
            var links = catalog["links"]!.AsArray();
            var href = $"./{CollectionPath(collectionId)}";
            if (!links.Any(l => l?["href"]?.GetValue<string>() == href))
            {
                links.Add(StacItems.Link("child", href));
            }

            return catalog;
        }, cancellationToken);

    /// <summary>Read, change, write under the read's ETag; again when another writer came first.</summary>
    private async Task<JsonObject> UpdateAsync(string path, Func<JsonObject?, JsonObject> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (existing, etag) = await storage.ReadJsonAsync(container, path, cancellationToken);
            var document = change(existing);
            if (await storage.TryWriteJsonAsync(container, path, document, etag, cancellationToken))
            {
                return document;
            }

            if (attempt == WriteAttempts)
            {
                throw new TaskFailedException($"'{container}/{path}' kept changing under {WriteAttempts} attempts to update it.", "stac_conflict", retryable: true);
            }
        }
    }

    private JsonObject NewCollection(string id, string? title) => new()
    {
        ["type"] = "Collection",
        ["stac_version"] = StacItems.Version,
        ["stac_extensions"] = new JsonArray(),
        ["id"] = id,
        ["title"] = string.IsNullOrWhiteSpace(title) ? id : title,
        ["description"] = $"Rasters of collection {id}, registered by DagMaster.",
        ["license"] = "proprietary",
        ["extent"] = new JsonObject
        {
            ["spatial"] = new JsonObject { ["bbox"] = new JsonArray(new JsonArray(-180.0, -90.0, 180.0, 90.0)) },
            ["temporal"] = new JsonObject { ["interval"] = new JsonArray(new JsonArray(StacItems.Timestamp(clock.GetUtcNow()), null)) },
        },
        ["links"] = new JsonArray(
            StacItems.Link("root", "../catalog.json"),
            StacItems.Link("parent", "../catalog.json"),
            StacItems.Link("self", Url(CollectionPath(id)).ToString())),
        ["dagmaster:extent_set"] = false,
    };

    /// <summary>Grows the collection's bbox to cover <paramref name="bbox"/> (a new collection's world-wide default is replaced) and its interval to cover <paramref name="datetime"/>.</summary>
    private static void Widen(JsonObject collection, double[] bbox, string? datetime, bool replaceDefault)
    {
        var extent = collection["extent"]!;
        var boxes = extent["spatial"]!["bbox"]!.AsArray();
        var first = boxes[0]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        var unset = replaceDefault || collection["dagmaster:extent_set"]?.GetValue<bool>() == false;
        var union = unset
            ? bbox
            : [Math.Min(first[0], bbox[0]), Math.Min(first[1], bbox[1]), Math.Max(first[2], bbox[2]), Math.Max(first[3], bbox[3])];
        boxes[0] = new JsonArray([.. union.Select(v => (JsonNode)v)]);
        collection["dagmaster:extent_set"] = true;

        if (datetime is not null)
        {
            var interval = extent["temporal"]!["interval"]![0]!.AsArray();
            var start = interval[0]?.GetValue<string>();
            var end = interval[1]?.GetValue<string>();
            if (start is null || string.CompareOrdinal(datetime, start) < 0)
            {
                interval[0] = datetime;
            }

            if (end is null || string.CompareOrdinal(datetime, end) > 0)
            {
                interval[1] = datetime;
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex SafeId();
}
