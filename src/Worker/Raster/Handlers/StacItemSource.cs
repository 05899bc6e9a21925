using System.Text.Json.Nodes;
using DagMaster.Worker.Raster.Cog;
using DagMaster.Worker.Raster.Stac;

namespace DagMaster.Worker.Raster.Handlers;

/// <summary>Builds the STAC item of a COG from the summary stored on its blob; a missing COG is a non-retryable failure.</summary>
internal static class StacItemSource
{
    public static async Task<JsonObject> ItemAsync(
        RasterServices services, string container, string blob, string itemId, string collectionId, JsonObject properties, CancellationToken cancellationToken)
    {
        var metadata = await services.Storage.MetadataAsync(container, blob, cancellationToken)
            ?? throw new TaskFailedException($"COG '{container}/{blob}' does not exist.", "missing_blob", retryable: false);
        var summary = CogSummary.FromMetadata(metadata)
            ?? throw new TaskFailedException($"COG '{container}/{blob}' carries no {CogSummary.MetadataKey} metadata; it was not written by raster.create_cog.", "invalid_cog", retryable: false);
        return StacItems.Create(itemId, collectionId, services.Storage.BlobUri(container, blob), summary, services.Clock.GetUtcNow(), properties);
    }

    /// <summary>An item id from a blob name: its file name without extension.</summary>
    public static string IdFor(string blob) => Staging.MountFolder.Safe(Path.GetFileNameWithoutExtension(blob.Split('/')[^1]));
}
