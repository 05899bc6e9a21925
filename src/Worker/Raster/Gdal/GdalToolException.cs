namespace DagMaster.Worker.Raster.Gdal;

/// <summary>A GDAL command-line tool ended with a non-zero exit code; <see cref="Reason"/> is its error output, condensed.</summary>
public sealed class GdalToolException(string tool, int exitCode, string reason)
    : Exception($"{tool} exited with code {exitCode}: {reason}")
{
    public string Tool { get; } = tool;

    public int ExitCode { get; } = exitCode;

    public string Reason { get; } = reason;
}
