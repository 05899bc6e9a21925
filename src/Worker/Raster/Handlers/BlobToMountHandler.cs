using System.Text.Json.Nodes;
using DagMaster.Worker.Raster.Staging;

namespace DagMaster.Worker.Raster.Handlers;

/// <summary>
/// <c>raster.blob_to_mount</c>: streams <c>container_name</c>/<c>blob_name</c> to the job's input folder on the mount,
/// checking the blob's MD5 → <c>local_path</c>, <c>size_bytes</c>, <c>size_mb</c>, <c>content_md5</c>, …
/// A missing blob fails non-retryably; an unreachable storage service is retried.
/// </summary>
public sealed class BlobToMountHandler(RasterServices services) : RasterTaskHandler(services)
{
    public const string HandlerName = "raster.blob_to_mount";

    public override string Name => HandlerName;

    protected override async Task<JsonObject> RunAsync(RasterStep step, CancellationToken cancellationToken)
    {
        var parameters = step.Context.Params;
        var container = RasterParams.Required(parameters, "container_name");
        var blob = RasterParams.Required(parameters, "blob_name").TrimStart('/');
        var segments = blob.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(s => s is "." or ".."))
        {
            throw TaskFailedException.InvalidParams($"'blob_name' must be a blob path, not '{blob}'.");
        }

        var destination = Path.Combine([Services.Mount.InputFolder(step.Context.JobId), .. segments.Select(MountFolder.Safe)]);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var stored = await Services.Storage.DownloadAsync(container, blob, destination, cancellationToken);
        return new JsonObject
        {
            ["local_path"] = destination,
            ["file_name"] = blob,
            ["container_name"] = container,
            ["blob_name"] = blob,
            ["size_bytes"] = stored.SizeBytes,
            ["size_mb"] = Math.Round(stored.SizeBytes / (1024.0 * 1024.0), 3),
            ["content_md5"] = stored.Md5,
            ["source_url"] = stored.Uri.ToString(),
            ["mount_path"] = Services.Mount.Root,
        };
    }
}
