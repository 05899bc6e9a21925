namespace DagMaster.Worker.Raster.Cog;

/// <summary>One band of a COG: its GDAL data type and nodata value.</summary>
public sealed record CogBand(string DataType, double? NoData);
