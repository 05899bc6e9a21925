using DagMaster.Worker.Raster.Staging;
using DagMaster.Worker.Raster.Validation;

namespace DagMaster.Worker.Raster.Handlers;

/// <summary>
/// Finds the raster a step reads: a staged <c>local_path</c>, or (raster_validate_test's <c>blob_path</c>) a local file,
/// a GDAL virtual path (<c>/vsi…</c>), an http(s) URL (read through <c>/vsicurl/</c>) or a <c>container/blob</c> reference,
/// which is downloaded into the attempt's folder.
/// </summary>
internal static class RasterSources
{
    public static async Task<RasterSource> ResolveAsync(RasterServices services, RasterStep step, CancellationToken cancellationToken)
    {
        var parameters = step.Context.Params;
        if (RasterParams.Optional(parameters, "local_path") is { } local)
        {
            return Local(services, step, local);
        }

        var reference = RasterParams.Optional(parameters, "blob_path") ?? RasterParams.Optional(parameters, "source_url")
            ?? throw TaskFailedException.InvalidParams("'local_path' (or 'blob_path') is required.");
        if (reference.StartsWith("/vsi", StringComparison.Ordinal))
        {
            return new RasterSource(reference, reference);
        }

        if (Uri.TryCreate(reference, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return new RasterSource("/vsicurl/" + reference, url.GetLeftPart(UriPartial.Path));
        }

        if (Path.IsPathRooted(reference))
        {
            return Local(services, step, reference);
        }

        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == reference.Length - 1)
        {
            throw TaskFailedException.InvalidParams($"'blob_path' must be a path, a URL or 'container/blob', not '{reference}'.");
        }

        var container = reference[..slash];
        var blob = reference[(slash + 1)..];
        var destination = Path.Combine(step.WorkFolder, MountFolder.Safe(Path.GetFileName(blob)));
        await services.Storage.DownloadAsync(container, blob, destination, cancellationToken);
        return new RasterSource(destination, reference);
    }

    private static RasterSource Local(RasterServices services, RasterStep step, string path)
    {
        var display = Display(services, step.Context.JobId, path);
        return File.Exists(path)
            ? new RasterSource(path, display)
            : throw new TaskFailedException($"'{display}' does not exist on this worker ({path}).", "missing_file", retryable: false);
    }

    /// <summary>A staged file is named by its blob path (the part below the job's input folder).</summary>
    private static string Display(RasterServices services, string jobId, string path)
    {
        var input = Path.Combine(services.Mount.JobFolder(jobId), "input") + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(path);
        return full.StartsWith(input, StringComparison.Ordinal) ? full[input.Length..] : Path.GetFileName(full);
    }
}
