using System.Text.Json.Nodes;
using DagMaster.Worker.Raster.Validation;

namespace DagMaster.Worker.Raster.Handlers;

/// <summary>
/// <c>raster.generate_tiling_scheme</c>: cuts the source's pixel grid into tiles of <c>tile_size</c> pixels (by default
/// sized so a tile holds about <see cref="TargetTileMb"/> MB uncompressed), each extended by <c>tile_overlap</c> pixels to
/// the right and below → <c>tile_size</c>, <c>tile_overlap</c>, <c>grid_dimensions</c> {columns, rows}, <c>tile_count</c>,
/// <c>tiles</c> [{index, row, col, x_off, y_off, width, height}].
/// </summary>
public sealed class GenerateTilingSchemeHandler(RasterServices services) : RasterTaskHandler(services)
{
    public const string HandlerName = "raster.generate_tiling_scheme";
    public const int TargetTileMb = 256;
    public const int MaxTiles = 10_000;

    public override string Name => HandlerName;

    protected override Task<JsonObject> RunAsync(RasterStep step, CancellationToken cancellationToken)
    {
        var parameters = step.Context.Params;
        var validation = RasterParams.Object(parameters, "validation");
        var width = validation["width"]?.GetValue<int>() ?? throw TaskFailedException.InvalidParams("'validation' has no width.");
        var height = validation["height"]?.GetValue<int>() ?? throw TaskFailedException.InvalidParams("'validation' has no height.");
        var bytesPerPixel = (validation["bands"]?.AsArray() ?? [])
            .Sum(b => RasterTypes.BytesPerSample(b?["data_type"]?.GetValue<string>() ?? "Byte"));
        var size = RasterParams.Integer(parameters, "tile_size", AutoTileSize(Math.Max(1, bytesPerPixel)));
        var overlap = RasterParams.Integer(parameters, "tile_overlap", 0);
        if (size < 16)
        {
            throw TaskFailedException.InvalidParams($"'tile_size' must be at least 16 pixels, not {size}.");
        }

        if (overlap < 0 || overlap >= size)
        {
            throw TaskFailedException.InvalidParams($"'tile_overlap' must be from 0 to below tile_size ({size}), not {overlap}.");
        }

        var columns = (width + size - 1) / size;
        var rows = (height + size - 1) / size;
        if ((long)columns * rows > MaxTiles)
        {
            throw TaskFailedException.InvalidParams($"tile_size {size} cuts {width}×{height} pixels into {columns * rows} tiles; at most {MaxTiles} are allowed.");
        }

        var tiles = new JsonArray();
        for (var row = 0; row < rows; row++)
        {
            for (var col = 0; col < columns; col++)
            {
                var x = col * size;
                var y = row * size;
                tiles.Add(new JsonObject
                {
                    ["index"] = tiles.Count,
                    ["row"] = row,
                    ["col"] = col,
                    ["x_off"] = x,
                    ["y_off"] = y,
                    ["width"] = Math.Min(size + overlap, width - x),
                    ["height"] = Math.Min(size + overlap, height - y),
                });
            }
        }

        return Task.FromResult(new JsonObject
        {
            ["tile_size"] = size,
            ["tile_overlap"] = overlap,
            ["grid_dimensions"] = new JsonObject { ["columns"] = columns, ["rows"] = rows },
            ["tile_count"] = tiles.Count,
            ["source_width"] = width,
            ["source_height"] = height,
            ["tiles"] = tiles,
        });
    }

    private static int AutoTileSize(int bytesPerPixel)
    {
        var side = (int)Math.Sqrt(TargetTileMb * 1024.0 * 1024.0 / bytesPerPixel);
        return Math.Max(512, side / 512 * 512);
    }
}
