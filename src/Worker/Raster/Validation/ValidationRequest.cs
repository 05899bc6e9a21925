namespace DagMaster.Worker.Raster.Validation;

/// <summary>The validation params: a CRS for files without one, a raster type hint and the output tier.</summary>
public sealed record ValidationRequest(string? InputCrs, string? RasterType, string? OutputTier);
