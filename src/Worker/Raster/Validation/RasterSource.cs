namespace DagMaster.Worker.Raster.Validation;

/// <summary>A raster to read: the path GDAL opens and the name failures show (the blob path, not the mount's folders).</summary>
public sealed record RasterSource(string Path, string Display);
