using Microsoft.Extensions.Configuration;

namespace DagMaster.Worker.Raster;

/// <summary>
/// <c>DagMaster.Worker upload-samples &lt;folder&gt;</c>: creates the <c>bronze</c>, silver and STAC containers and uploads
/// every <c>*.tif</c> of the folder to <c>bronze/samples/</c>, with the storage settings of <see cref="RasterEnvironment"/>.
/// build/run uses it after generating sample rasters with GDAL.
/// </summary>
public static class RasterSamples
{
    public const string Command = "upload-samples";
    public const string SourceContainer = "bronze";

    public static async Task<int> RunAsync(IConfiguration configuration, string folder, CancellationToken cancellationToken)
    {
        var options = new RasterOptions();
        RasterEnvironment.Apply(configuration, options);
        var storage = new Storage.RasterBlobStorage(options);
        foreach (var container in new[] { SourceContainer, options.SilverContainer, options.StacContainer })
        {
            await storage.EnsureContainerAsync(container, cancellationToken);
        }

        foreach (var file in Directory.GetFiles(folder, "*.tif").Order(StringComparer.Ordinal))
        {
            var blob = $"samples/{Path.GetFileName(file)}";
            await storage.UploadAsync(SourceContainer, blob, file, "image/tiff", null, cancellationToken);
            Console.WriteLine($"uploaded {SourceContainer}/{blob}");
        }

        return 0;
    }
}
