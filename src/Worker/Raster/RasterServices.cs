using DagMaster.Worker.Raster.Cog;
using DagMaster.Worker.Raster.Gdal;
using DagMaster.Worker.Raster.Stac;
using DagMaster.Worker.Raster.Staging;
using DagMaster.Worker.Raster.Storage;
using DagMaster.Worker.Raster.Validation;

namespace DagMaster.Worker.Raster;

/// <summary>What every raster handler uses: its settings, GDAL, blob storage, the mount folder and the STAC catalog.</summary>
public sealed class RasterServices
{
    public RasterServices(RasterOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Clock = timeProvider;
        var gdal = new GdalTools(options);
        Inspector = new RasterInspector(gdal);
        Cogs = new CogWriter(gdal);
        Storage = new RasterBlobStorage(options);
        Mount = new MountFolder(options);
        Catalog = new StacCatalog(Storage, options.StacContainer, timeProvider);
    }

    public RasterOptions Options { get; }

    public TimeProvider Clock { get; }

    public RasterInspector Inspector { get; }

    public CogWriter Cogs { get; }

    public RasterBlobStorage Storage { get; }

    public MountFolder Mount { get; }

    public StacCatalog Catalog { get; }
}
