namespace DagMaster.Worker.Raster.Gdal;

/// <summary>One band as <c>gdalinfo -json</c> reports it.</summary>
public sealed record RasterBand(string DataType, double? NoData, string ColorInterpretation);
