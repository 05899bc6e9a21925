namespace DagMaster.Worker.Raster.Storage;

/// <summary>A blob written or read by a handler: where it is, its size and checksums (hex).</summary>
public sealed record StoredBlob(string Container, string Name, Uri Uri, long SizeBytes, string Md5, string? Sha256);
