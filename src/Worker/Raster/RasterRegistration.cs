using DagMaster.Worker.Raster.Handlers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DagMaster.Worker.Raster;

public static class RasterRegistration
{
    /// <summary>
    /// Registers the raster handlers (raster.blob_to_mount, raster.validate, raster.create_cog, raster.generate_tiling_scheme,
    /// raster.process_tile_batch, raster.stac_ensure_collection, raster.stac_register_item, raster.stac_register_items, and
    /// the list form's validate_raster and convert_to_cog) with settings from <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddRasterHandlers(this IServiceCollection services, Action<RasterOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new RasterOptions();
        configure(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new RasterServices(options, provider.GetRequiredService<TimeProvider>()));
        return services
            .AddTaskHandler<BlobToMountHandler>()
            .AddTaskHandler<RasterValidateHandler>()
            .AddTaskHandler<ValidateRasterHandler>()
            .AddTaskHandler<CreateCogHandler>()
            .AddTaskHandler<ConvertToCogHandler>()
            .AddTaskHandler<GenerateTilingSchemeHandler>()
            .AddTaskHandler<ProcessTileBatchHandler>()
            .AddTaskHandler<StacEnsureCollectionHandler>()
            .AddTaskHandler<StacRegisterItemHandler>()
            .AddTaskHandler<StacRegisterItemsHandler>();
    }

    /// <summary>
    /// Registers the raster handlers with settings read by <see cref="RasterEnvironment"/>, when this machine has GDAL's
    /// command-line tools (and RASTER_HANDLERS is not false): a worker without GDAL does not claim raster tasks, so
    /// they wait for one that has it.
    /// </summary>
    public static IServiceCollection AddRasterHandlers(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new RasterOptions();
        RasterEnvironment.Apply(configuration, options);
        var wanted = !string.Equals(configuration["RASTER_HANDLERS"], "false", StringComparison.OrdinalIgnoreCase);
        return wanted && GdalIsInstalled(options)
            ? services.AddRasterHandlers(o => RasterEnvironment.Apply(configuration, o))
            : services;
    }

    /// <summary>Whether gdalinfo is found in <see cref="RasterOptions.GdalBinDirectory"/> or on PATH.</summary>
    public static bool GdalIsInstalled(RasterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folders = string.IsNullOrWhiteSpace(options.GdalBinDirectory)
            ? (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            : [options.GdalBinDirectory];
        return folders.Any(folder => File.Exists(Path.Combine(folder, "gdalinfo")));
    }
}
