using Azure.Storage.Blobs;
using DagMaster.Worker.Raster;

namespace DagMaster.IntegrationTests.Raster;

/// <summary>
/// Shared by the raster tests: Azurite with the <c>bronze</c>, <c>silver</c> and <c>stac</c> containers, the test rasters
/// generated with GDAL and uploaded to <c>bronze/samples/</c>, a mount folder, and the STAC schemas.
/// </summary>
public sealed class RasterFixture : IAsyncLifetime
{
    private AzuriteServer? _azurite;

    public string WorkFolder { get; } = Directory.CreateTempSubdirectory("dagmaster-raster-tests-").FullName;

    public string MountPath => Path.Combine(WorkFolder, "mount");

    public string ConnectionString => _azurite!.ConnectionString;

    public BlobServiceClient Blobs { get; private set; } = null!;

    public StacValidator Stac { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync(Repository.Root);
        Blobs = new BlobServiceClient(ConnectionString);
        foreach (var container in new[] { "bronze", "silver", "stac" })
        {
            await Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync();
        }

        var bronze = Blobs.GetBlobContainerClient("bronze");
        foreach (var (blob, file) in await TestRasters.CreateAsync(Path.Combine(WorkFolder, "rasters")))
        {
            await bronze.GetBlobClient(blob).UploadAsync(file, overwrite: true);
        }

        Directory.CreateDirectory(MountPath);
    }

    /// <summary>The settings of a raster worker of these tests (as the environment variables of build/run give them).</summary>
    public void Configure(RasterOptions options)
    {
        options.ConnectionString = ConnectionString;
        options.MountPath = MountPath;
        options.GdalCacheMb = 64;
    }

    /// <summary>The same settings as environment variables, for a worker process or an embedded worker.</summary>
    public Dictionary<string, string> Environment() => new()
    {
        ["DAG_STORAGE_CONNECTION_STRING"] = ConnectionString,
        ["ETL_MOUNT_PATH"] = MountPath,
        ["GDAL_CACHEMAX"] = "64",
    };

    /// <summary>Everything the jobs left in the mount folder (its <c>jobs/</c> folder: staged inputs, attempts' files), relative to it.</summary>
    public IReadOnlyList<string> MountLeftovers()
    {
        var jobs = Path.Combine(MountPath, "jobs");
        return Directory.Exists(jobs)
            ? [.. Directory.EnumerateFileSystemEntries(jobs, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(MountPath, p))]
            : [];
    }

    public async Task<string> DownloadAsync(string container, string blob)
    {
        var file = Path.Combine(WorkFolder, "downloads", Guid.NewGuid().ToString("N") + Path.GetExtension(blob));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await Blobs.GetBlobContainerClient(container).GetBlobClient(blob).DownloadToAsync(file);
        return file;
    }

    public async Task<System.Text.Json.Nodes.JsonObject> JsonAsync(string container, string blob)
    {
        var content = await Blobs.GetBlobContainerClient(container).GetBlobClient(blob).DownloadContentAsync();
        return System.Text.Json.Nodes.JsonNode.Parse(content.Value.Content.ToString())!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Directory.Delete(WorkFolder, recursive: true);
    }
}
