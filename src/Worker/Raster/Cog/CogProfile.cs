namespace DagMaster.Worker.Raster.Cog;

/// <summary>
/// How a COG is compressed for an <c>output_tier</c>: <c>visualization</c> is JPEG (8-bit RGB only; other rasters fall back
/// to DEFLATE), <c>analysis</c> DEFLATE with a predictor, <c>archive</c> LZW. <see cref="Ratio"/> is the rough compressed
/// share of the uncompressed size, used to estimate output sizes before any work is done.
/// </summary>
public sealed record CogProfile(string Tier, string Compression, IReadOnlyList<string> CreationOptions, double Ratio)
{
    public static IReadOnlyList<string> Tiers { get; } = ["visualization", "analysis", "archive"];

    /// <summary>The profile, or a non-retryable <c>invalid_params</c> failure naming an unknown tier.</summary>
    public static CogProfile For(string? tier, string rasterType, int bandCount, string dataType)
    {
        var name = string.IsNullOrWhiteSpace(tier) ? "analysis" : tier.Trim().ToLowerInvariant();
        return name switch
        {
            "visualization" when rasterType is "rgb" && bandCount == 3 && dataType == "Byte" =>
                new(name, "JPEG", ["COMPRESS=JPEG", "QUALITY=85", "OVERVIEW_COMPRESS=JPEG"], 0.1),
            "visualization" or "analysis" => new(name, "DEFLATE", ["COMPRESS=DEFLATE", "PREDICTOR=YES", "LEVEL=6"], 0.5),
            "archive" => new(name, "LZW", ["COMPRESS=LZW", "PREDICTOR=YES"], 0.6),
            _ => throw TaskFailedException.InvalidParams(
                $"Unknown output_tier '{tier}'; use one of {string.Join(", ", Tiers)}."),
        };
    }

    /// <summary><c>-co</c> arguments for gdal_translate's COG driver, with tiling and overviews that suit web readers.</summary>
    public IReadOnlyList<string> TranslateArguments()
    {
        var arguments = new List<string> { "-of", "COG" };
        foreach (var option in CreationOptions.Concat(["BLOCKSIZE=512", "OVERVIEWS=AUTO", "BIGTIFF=IF_SAFER", "NUM_THREADS=1"]))
        {
            arguments.Add("-co");
            arguments.Add(option);
        }

        return arguments;
    }
}
