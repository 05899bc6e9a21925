namespace DagMaster.Worker.Raster;

/// <summary>Where the raster handlers stage files, which blob storage they use, and how GDAL runs.</summary>
public sealed class RasterOptions
{
    /// <summary>The folder (an Azure Files mount in Azure) where inputs are staged and GDAL writes its temporary files.</summary>
    public string MountPath { get; set; } = Path.Combine(Path.GetTempPath(), "dagmaster-etl");

    /// <summary>A storage connection string (Azurite or an account key); when empty, <see cref="AccountUrl"/> with the managed identity.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob endpoint, e.g. <c>https://myaccount.blob.core.windows.net</c>, reached with the managed identity.</summary>
    public Uri? AccountUrl { get; set; }

    /// <summary>The user-assigned managed identity to sign in with (none: the system-assigned one).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The container COGs are written to.</summary>
    public string SilverContainer { get; set; } = "silver";

    /// <summary>The container holding the static STAC catalog.</summary>
    public string StacContainer { get; set; } = "stac";

    /// <summary>GDAL's block cache per process, in MB (GDAL_CACHEMAX).</summary>
    public int GdalCacheMb { get; set; } = 256;

    /// <summary>The folder holding gdalinfo, gdal_translate and gdalwarp; empty: found on PATH.</summary>
    public string? GdalBinDirectory { get; set; }

    /// <summary>Whether blob storage is configured at all.</summary>
    public bool HasStorage => !string.IsNullOrWhiteSpace(ConnectionString) || AccountUrl is not null;
}
