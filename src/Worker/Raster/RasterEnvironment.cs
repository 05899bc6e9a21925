using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace DagMaster.Worker.Raster;

/// <summary>
/// Reads the raster handlers' settings: <c>ETL_MOUNT_PATH</c>; <c>DAG_STORAGE_CONNECTION_STRING</c> (or
/// <c>AZURE_STORAGE_CONNECTION_STRING</c>); <c>DAG_STORAGE_ACCOUNT_URL</c> (or <c>AZURE_STORAGE_ACCOUNT</c>, an account
/// name) with <c>AZURE_CLIENT_ID</c> for a managed identity; <c>DAG_STORAGE_SILVER_CONTAINER</c>,
/// <c>DAG_STORAGE_STAC_CONTAINER</c>, <c>GDAL_CACHEMAX</c> (MB) and <c>GDAL_BIN_DIR</c>. Unset values keep the defaults.
/// </summary>
public static class RasterEnvironment
{
    public static void Apply(IConfiguration configuration, RasterOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        if (Value(configuration, "ETL_MOUNT_PATH") is { } mount)
        {
            options.MountPath = mount;
        }

        options.ConnectionString = Value(configuration, "DAG_STORAGE_CONNECTION_STRING")
            ?? Value(configuration, "AZURE_STORAGE_CONNECTION_STRING")
            ?? options.ConnectionString;

        if (Value(configuration, "DAG_STORAGE_ACCOUNT_URL") is { } url)
        {
            options.AccountUrl = Uri.TryCreate(url, UriKind.Absolute, out var accountUrl) && accountUrl.Scheme is "http" or "https"
                ? accountUrl
                : throw new InvalidOperationException($"DAG_STORAGE_ACCOUNT_URL must be an absolute http(s) URL, not '{url}'.");
        }
        else if (Value(configuration, "AZURE_STORAGE_ACCOUNT") is { } account)
        {
            options.AccountUrl = new Uri($"https://{account}.blob.core.windows.net");
        }

        options.ManagedIdentityClientId = Value(configuration, "AZURE_CLIENT_ID") ?? options.ManagedIdentityClientId;
        options.SilverContainer = Value(configuration, "DAG_STORAGE_SILVER_CONTAINER") ?? options.SilverContainer;
        options.StacContainer = Value(configuration, "DAG_STORAGE_STAC_CONTAINER") ?? options.StacContainer;
        options.GdalBinDirectory = Value(configuration, "GDAL_BIN_DIR") ?? options.GdalBinDirectory;
        if (Value(configuration, "GDAL_CACHEMAX") is { } cache)
        {
            options.GdalCacheMb = int.TryParse(cache, NumberStyles.Integer, CultureInfo.InvariantCulture, out var mb) && mb > 0
                ? mb
                : throw new InvalidOperationException($"GDAL_CACHEMAX must be a positive number of MB, not '{cache}'.");
        }
    }

    private static string? Value(IConfiguration configuration, string name) =>
        configuration[name] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
