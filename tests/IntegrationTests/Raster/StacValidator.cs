using System.Text.Json.Nodes;
using Json.Schema;

namespace DagMaster.IntegrationTests.Raster;

/// <summary>
/// Validates STAC documents offline against the STAC 1.0 core schemas and the projection and raster extension schemas
/// (kept in StacSchemas/, see its SOURCES.md), each registered under its <c>$id</c> so their references resolve locally.
/// </summary>
public sealed class StacValidator
{
    private readonly EvaluationOptions _options = new() { OutputFormat = OutputFormat.List };
    private readonly Dictionary<string, JsonSchema> _byFile = new(StringComparer.Ordinal);

    public StacValidator()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Raster", "StacSchemas");
        foreach (var file in Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            var schema = JsonSchema.FromFile(file);
            _options.SchemaRegistry.Register(schema);
            _byFile[Path.GetRelativePath(folder, file).Replace('\\', '/')] = schema;
        }
    }

    /// <summary>The schema errors of an item (core, projection, raster); empty when it is valid.</summary>
    public IReadOnlyList<string> ItemErrors(JsonNode item) =>
        [.. Errors("stac-v1.0.0/item-spec/json-schema/item.json", item),
         .. Errors("projection-v1.1.0.json", item),
         .. Errors("raster-v1.1.0.json", item)];

    public IReadOnlyList<string> CollectionErrors(JsonNode collection) => Errors("stac-v1.0.0/collection-spec/json-schema/collection.json", collection);

    public IReadOnlyList<string> CatalogErrors(JsonNode catalog) => Errors("stac-v1.0.0/catalog-spec/json-schema/catalog.json", catalog);

    private List<string> Errors(string file, JsonNode document)
    {
        var result = _byFile[file].Evaluate(document, _options);
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{file} {d.InstanceLocation}: {e.Key} {e.Value}"))];
    }
}
