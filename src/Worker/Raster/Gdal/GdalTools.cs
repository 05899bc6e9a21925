using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace DagMaster.Worker.Raster.Gdal;

/// <summary>
/// Runs GDAL's command-line tools (Debian's <c>gdal-bin</c>) as child processes: the block cache bounded by
/// <see cref="RasterOptions.GdalCacheMb"/>, temporary files in the attempt's folder, and the process killed when the
/// task's token fires (timeout, cancel, shutdown).
/// </summary>
public sealed class GdalTools(RasterOptions options)
{
    public Task<string> InfoJsonAsync(string path, string workFolder, CancellationToken cancellationToken) =>
        RunAsync("gdalinfo", ["-json", path], workFolder, cancellationToken);

    public Task TranslateAsync(IReadOnlyList<string> arguments, string workFolder, CancellationToken cancellationToken) =>
        RunAsync("gdal_translate", ["-q", .. arguments], workFolder, cancellationToken);

    public Task WarpAsync(IReadOnlyList<string> arguments, string workFolder, CancellationToken cancellationToken) =>
        RunAsync("gdalwarp", ["-q", .. arguments], workFolder, cancellationToken);

    /// <summary>Runs <paramref name="tool"/> and returns its standard output; throws <see cref="GdalToolException"/> on a non-zero exit.</summary>
    public async Task<string> RunAsync(string tool, IReadOnlyList<string> arguments, string workFolder, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(ToolPath(tool))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["GDAL_CACHEMAX"] = options.GdalCacheMb.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["CPL_TMPDIR"] = workFolder;
        info.Environment["GDAL_NUM_THREADS"] = "1";

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new TaskFailedException(
                $"{tool} could not be started ({ex.Message}); install GDAL's command-line tools (Debian: gdal-bin) or set GDAL_BIN_DIR.",
                "gdal_unavailable",
                retryable: true,
                ex);
        }

        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }

        var stdout = await output;
        var stderr = await errors;
        return process.ExitCode == 0 ? stdout : throw new GdalToolException(tool, process.ExitCode, Condense(stderr));
    }

    private string ToolPath(string tool) =>
        string.IsNullOrWhiteSpace(options.GdalBinDirectory) ? tool : Path.Combine(options.GdalBinDirectory, tool);

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }

    /// <summary>GDAL's error lines without the "ERROR 4:" noise, at most a few hundred characters.</summary>
    private static string Condense(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.StartsWith("ERROR ", StringComparison.Ordinal) && l.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? l[(colon + 1)..].Trim() : l)
            .Where(l => l.Length > 0)
            .Distinct()
            .Take(3);
        var text = string.Join(" ", lines);
        return text.Length == 0 ? "no error output" : text.Length > 400 ? text[..400] + "…" : text;
    }
}
