using System.Text.Json.Nodes;
using DagMaster.Worker.Raster.Cog;

namespace DagMaster.Worker.Raster.Handlers;

/// <summary>
/// <c>raster.process_tile_batch</c>: writes one COG per tile of <c>tiling_scheme</c> (reprojected to <c>target_crs</c>) to
/// the silver container, in order, reporting progress and saving a checkpoint after each tile, so a retried attempt
/// starts after the last tile an earlier attempt finished → <c>tile_cogs</c> [{blob, row, col, bounds, size_bytes,
/// sha256}], <c>cog_container</c>, <c>collection_bounds</c> (the union), <c>tile_count</c>, <c>resumed_from_tile</c>.
/// </summary>
public sealed class ProcessTileBatchHandler(RasterServices services) : RasterTaskHandler(services)
{
    public const string HandlerName = "raster.process_tile_batch";
    public const string CheckpointPhase = "tiles";

    public override string Name => HandlerName;

    protected override async Task<JsonObject> RunAsync(RasterStep step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var parameters = context.Params;
        var source = await RasterSources.ResolveAsync(Services, step, cancellationToken);
        var validation = RasterParams.Object(parameters, "validation");
        var tiles = RasterParams.Object(parameters, "tiling_scheme")["tiles"]?.AsArray()
            ?? throw TaskFailedException.InvalidParams("'tiling_scheme' has no tiles.");
        var targetCrs = RasterParams.Optional(parameters, "target_crs") ?? "EPSG:4326";
        var folder = RasterParams.Optional(parameters, "output_folder");
        var tier = RasterParams.Optional(parameters, "output_tier");
        var stem = CogOutput.Stem(validation, source.Path);

        var state = context.CheckpointPhase == CheckpointPhase ? context.CheckpointState?.AsObject() : null;
        var done = state?["tile_cogs"]?.AsArray().DeepClone().AsArray() ?? [];
        var resumedFrom = done.Count;
        for (var i = done.Count; i < tiles.Count; i++)
        {
            var tile = tiles[i]!;
            var (row, col) = (tile["row"]!.GetValue<int>(), tile["col"]!.GetValue<int>());
            var name = $"{stem}_r{row:D3}_c{col:D3}.tif";
            var file = Path.Combine(step.WorkFolder, name);
            var window = new PixelWindow(tile["x_off"]!.GetValue<int>(), tile["y_off"]!.GetValue<int>(), tile["width"]!.GetValue<int>(), tile["height"]!.GetValue<int>());
            var info = await Services.Cogs.WriteAsync(CogOutput.Request(validation, source.Path, targetCrs, tier, window, file), step.WorkFolder, cancellationToken);
            var summary = CogSummary.From(info);
            var stored = await Services.Storage.UploadAsync(
                Services.Options.SilverContainer, CogOutput.BlobName(folder, $"{stem}/{name}"), file, CogOutput.ContentType, CogOutput.Metadata(summary, context), cancellationToken);
            File.Delete(file);

            done.Add(new JsonObject
            {
                ["blob"] = stored.Name,
                ["row"] = row,
                ["col"] = col,
                ["bounds"] = new JsonArray([.. summary.Bounds.Select(v => (JsonNode)v)]),
                ["size_bytes"] = stored.SizeBytes,
                ["sha256"] = stored.Sha256,
            });
            await context.ReportProgressAsync(i + 1, tiles.Count, $"tile {i + 1} of {tiles.Count} (row {row}, column {col})", cancellationToken);
            await context.SaveCheckpointAsync(CheckpointPhase, new JsonObject { ["next_tile"] = i + 1, ["tile_cogs"] = done.DeepClone() }, cancellationToken);
        }

        return new JsonObject
        {
            ["tile_cogs"] = done,
            ["cog_container"] = Services.Options.SilverContainer,
            ["collection_bounds"] = Union(done),
            ["tile_count"] = done.Count,
            ["resumed_from_tile"] = resumedFrom,
            ["crs"] = targetCrs,
        };
    }

    private static JsonArray Union(JsonArray tiles)
    {
        var boxes = tiles.Select(t => t!["bounds"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray()).ToList();
        return boxes.Count == 0
            ? []
            : [boxes.Min(b => b[0]), boxes.Min(b => b[1]), boxes.Max(b => b[2]), boxes.Max(b => b[3])];
    }
}
