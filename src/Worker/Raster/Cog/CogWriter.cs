using System.Globalization;
using DagMaster.Worker.Raster.Gdal;

namespace DagMaster.Worker.Raster.Cog;

/// <summary>
/// Writes a Cloud Optimized GeoTIFF with GDAL's tools: a window and an assigned CRS as VRTs (nothing copied), a
/// <c>gdalwarp</c> VRT when the target CRS differs, then <c>gdal_translate -of COG</c>; the result is read back and must
/// report <c>LAYOUT=COG</c>.
/// </summary>
public sealed class CogWriter(GdalTools gdal)
{
    public async Task<RasterInfo> WriteAsync(CogRequest request, string workFolder, CancellationToken cancellationToken)
    {
        var source = request.SourcePath;
        if (request.Window is not null || request.AssignCrs is not null)
        {
            var view = Path.Combine(workFolder, "source.vrt");
            var arguments = new List<string> { "-of", "VRT" };
            if (request.Window is { } w)
            {
                arguments.AddRange(["-srcwin", Text(w.XOffset), Text(w.YOffset), Text(w.Width), Text(w.Height)]);
            }

            if (request.AssignCrs is { } crs)
            {
                arguments.AddRange(["-a_srs", crs]);
            }

            await gdal.TranslateAsync([.. arguments, source, view], workFolder, cancellationToken);
            source = view;
        }

        if (!SameCrs(request.SourceCrs, request.TargetCrs))
        {
            var warped = Path.Combine(workFolder, "warped.vrt");
            var arguments = new List<string> { "-of", "VRT", "-t_srs", request.TargetCrs, "-r", request.RasterType is "categorical" ? "near" : "bilinear" };
            if (request.NoData is { } nodata)
            {
                arguments.AddRange(["-dstnodata", nodata.ToString("R", CultureInfo.InvariantCulture)]);
            }

            try
            {
                await gdal.WarpAsync([.. arguments, source, warped], workFolder, cancellationToken);
            }
            catch (GdalToolException ex) when (ex.Reason.Contains("Translating source or target SRS failed", StringComparison.OrdinalIgnoreCase))
            {
                throw TaskFailedException.InvalidParams($"target_crs '{request.TargetCrs}' is not a CRS GDAL knows: {ex.Reason}");
            }

            source = warped;
        }

        await gdal.TranslateAsync([.. request.Profile.TranslateArguments(), source, request.OutputPath], workFolder, cancellationToken);
        var info = RasterInfo.Parse(await gdal.InfoJsonAsync(request.OutputPath, workFolder, cancellationToken));
        return info.Layout == "COG"
            ? info
            : throw new TaskFailedException($"GDAL wrote '{Path.GetFileName(request.OutputPath)}' without LAYOUT=COG.", "cog_invalid", retryable: true);
    }

    private static bool SameCrs(string? source, string target) =>
        source is not null && string.Equals(source.Trim(), target.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
