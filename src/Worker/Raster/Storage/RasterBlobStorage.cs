using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DagMaster.Worker.Raster.Stac;

namespace DagMaster.Worker.Raster.Storage;

/// <summary>
/// The raster handlers' blob storage (Azure.Storage.Blobs): streaming downloads and uploads with MD5/SHA-256 checksums,
/// and small JSON documents written under an ETag condition. A connection string (Azurite, an account key) or the
/// managed identity; storage errors become task failures (<see cref="StorageErrors"/>).
/// </summary>
public sealed class RasterBlobStorage
{
    private const int BufferSize = 1 << 20;
    private readonly Lazy<BlobServiceClient> _service;

    public RasterBlobStorage(RasterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _service = new Lazy<BlobServiceClient>(() => Create(options));
    }

    /// <summary>Downloads <paramref name="container"/>/<paramref name="blob"/> to <paramref name="destination"/>, checking its stored MD5 when it has one.</summary>
    public Task<StoredBlob> DownloadAsync(string container, string blob, string destination, CancellationToken cancellationToken) =>
        GuardAsync($"Downloading '{container}/{blob}'", async () =>
        {
            var client = _service.Value.GetBlobContainerClient(container).GetBlobClient(blob);
            BlobProperties properties;
            try
            {
                properties = (await client.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                throw StorageErrors.Missing(container, blob);
            }

            var partial = destination + ".part";
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            long size = 0;
            try
            {
                await using (var source = await client.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = BufferSize }, cancellationToken))
                await using (var target = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
                {
                    var buffer = new byte[BufferSize];
                    int read;
                    while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        md5.AppendData(buffer, 0, read);
                        await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                        size += read;
                    }
                }

                var hash = md5.GetHashAndReset();
                if (properties.ContentHash is { Length: > 0 } expected && !expected.AsSpan().SequenceEqual(hash))
                {
                    throw new TaskFailedException(
                        $"Blob '{container}/{blob}' arrived with MD5 {Convert.ToHexStringLower(hash)}, not the stored {Convert.ToHexStringLower(expected)}.",
                        "checksum_mismatch",
                        retryable: true);
                }

                File.Move(partial, destination, overwrite: true);
                return new StoredBlob(container, blob, client.Uri, size, Convert.ToHexStringLower(hash), null);
            }
            finally
            {
                File.Delete(partial);
            }
        });

    /// <summary>Uploads a file (creating the container when missing) with its MD5 as Content-MD5 and the given metadata.</summary>
    public Task<StoredBlob> UploadAsync(
        string container, string blob, string path, string contentType, IDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        GuardAsync($"Uploading '{container}/{blob}'", async () =>
        {
            var (md5, sha256, size) = await HashAsync(path, cancellationToken);
            var containerClient = _service.Value.GetBlobContainerClient(container);
            await containerClient.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var client = containerClient.GetBlobClient(blob);
            await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
            await client.UploadAsync(source, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentHash = md5 },
                Metadata = metadata,
            }, cancellationToken);
            return new StoredBlob(container, blob, client.Uri, size, Convert.ToHexStringLower(md5), Convert.ToHexStringLower(sha256));
        });

    /// <summary>Creates the container when it does not exist.</summary>
    public Task<bool> EnsureContainerAsync(string container, CancellationToken cancellationToken) =>
        GuardAsync($"Creating container '{container}'", async () =>
            await _service.Value.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken) is not null);

    /// <summary>A blob's metadata, or null when the blob does not exist.</summary>
    public Task<IDictionary<string, string>?> MetadataAsync(string container, string blob, CancellationToken cancellationToken) =>
        GuardAsync($"Reading '{container}/{blob}'", async () =>
        {
            try
            {
                var properties = await _service.Value.GetBlobContainerClient(container).GetBlobClient(blob).GetPropertiesAsync(cancellationToken: cancellationToken);
                return properties.Value.Metadata;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return (IDictionary<string, string>?)null;
            }
        });

    /// <summary>A JSON document and its ETag; (null, null) when it does not exist.</summary>
    public Task<(JsonObject? Document, ETag? ETag)> ReadJsonAsync(string container, string blob, CancellationToken cancellationToken) =>
        GuardAsync($"Reading '{container}/{blob}'", async () =>
        {
            try
            {
                var result = await _service.Value.GetBlobContainerClient(container).GetBlobClient(blob).DownloadContentAsync(cancellationToken);
                return (JsonNode.Parse(result.Value.Content.ToString())?.AsObject(), (ETag?)result.Value.Details.ETag);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return ((JsonObject?)null, (ETag?)null);
            }
        });

    /// <summary>
    /// Writes a JSON document only if it is unchanged since read (<paramref name="etag"/>), or absent when
    /// <paramref name="etag"/> is null; false when another writer came first.
    /// </summary>
    public Task<bool> TryWriteJsonAsync(string container, string blob, JsonObject document, ETag? etag, CancellationToken cancellationToken) =>
        GuardAsync($"Writing '{container}/{blob}'", async () =>
        {
            var containerClient = _service.Value.GetBlobContainerClient(container);
            await containerClient.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var conditions = etag is { } match ? new BlobRequestConditions { IfMatch = match } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                await containerClient.GetBlobClient(blob).UploadAsync(
                    BinaryData.FromString(document.ToJsonString(StacJson.Options)),
                    new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" }, Conditions = conditions },
                    cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                return false;
            }
        });

    /// <summary>The URL of a blob (no credentials in it).</summary>
    public Uri BlobUri(string container, string blob) => _service.Value.GetBlobContainerClient(container).GetBlobClient(blob).Uri;

    private static async Task<(byte[] Md5, byte[] Sha256, long Size)> HashAsync(string path, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        var buffer = new byte[BufferSize];
        long size = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            sha.AppendData(buffer, 0, read);
            size += read;
        }

        return (md5.GetHashAndReset(), sha.GetHashAndReset(), size);
    }

    private static async Task<T> GuardAsync<T>(string what, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (StorageErrors.Translate(ex, what) is { } failure)
        {
            throw failure;
        }
    }

    private static BlobServiceClient Create(RasterOptions options)
    {
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.MaxRetries = 3;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromMinutes(2);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobServiceClient(options.ConnectionString, clientOptions);
        }

        if (options.AccountUrl is null)
        {
            throw new TaskFailedException(
                "No blob storage is configured: set DAG_STORAGE_CONNECTION_STRING (or AZURE_STORAGE_CONNECTION_STRING), or AZURE_STORAGE_ACCOUNT / DAG_STORAGE_ACCOUNT_URL for the managed identity.",
                "storage_not_configured",
                retryable: false);
        }

        var identity = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId);
        return new BlobServiceClient(options.AccountUrl, new ManagedIdentityCredential(identity), clientOptions);
    }
}
