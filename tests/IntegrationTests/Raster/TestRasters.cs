using System.Diagnostics;

namespace DagMaster.IntegrationTests.Raster;

/// <summary>
/// The rasters the tests use, made with GDAL's tools at fixture start (nothing binary is checked in): an RGB GeoTIFF in
/// EPSG:4326, a single-band DEM in UTM 33N with nodata, one without a CRS, a corrupt file, and larger RGB ones for the
/// tiled branch.
/// </summary>
public static class TestRasters
{
    public const string Rgb = "samples/rgb.tif";
    public const string Dem = "samples/dem.tif";
    public const string NoCrs = "samples/nocrs.tif";
    public const string Corrupt = "samples/corrupt.tif";
    public const string Large = "samples/large.tif";
    public const string Huge = "samples/huge.tif";

    /// <summary>Writes every test raster into <paramref name="folder"/>; returns (blob name, file) pairs.</summary>
    public static async Task<IReadOnlyList<(string Blob, string File)>> CreateAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        string At(string blob) => Path.Combine(folder, Path.GetFileName(blob));
        await GdalAsync("gdal_create", "-of", "GTiff", "-outsize", "256", "256", "-bands", "3", "-ot", "Byte",
            "-burn", "100", "-burn", "150", "-burn", "200", "-a_srs", "EPSG:4326", "-a_ullr", "10", "50", "11", "49", At(Rgb));
        await GdalAsync("gdal_create", "-of", "GTiff", "-outsize", "200", "200", "-bands", "1", "-ot", "Int16", "-burn", "420",
            "-a_srs", "EPSG:32633", "-a_ullr", "500000", "5500000", "520000", "5480000", "-a_nodata", "-9999", At(Dem));
        await GdalAsync("gdal_create", "-of", "GTiff", "-outsize", "64", "64", "-bands", "1", "-ot", "Byte", "-burn", "7", At(NoCrs));
        await GdalAsync("gdal_create", "-of", "GTiff", "-outsize", "1024", "1024", "-bands", "3", "-ot", "Byte",
            "-burn", "30", "-burn", "60", "-burn", "90", "-a_srs", "EPSG:4326", "-a_ullr", "20", "40", "22", "38", At(Large));
        await GdalAsync("gdal_create", "-of", "GTiff", "-outsize", "2048", "2048", "-bands", "3", "-ot", "Byte",
            "-burn", "5", "-burn", "10", "-burn", "15", "-a_srs", "EPSG:4326", "-a_ullr", "30", "10", "34", "6", At(Huge));

        // A TIFF header followed by garbage: GDAL recognises the format and then cannot read it.
        var corrupt = new byte[4096];
        new Random(15).NextBytes(corrupt);
        "II*\0"u8.CopyTo(corrupt);
        await File.WriteAllBytesAsync(At(Corrupt), corrupt);

        return [.. new[] { Rgb, Dem, NoCrs, Corrupt, Large, Huge }.Select(b => (b, At(b)))];
    }

    /// <summary>Runs a GDAL tool and returns its output; throws with its error output when it fails.</summary>
    public static async Task<string> GdalAsync(string tool, params string[] arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{tool} failed: {await errors}");
    }
}
