namespace DagMaster.Worker.Raster.Cog;

/// <summary>
/// One COG to write: the source, its CRS as validation found it (<paramref name="AssignCrs"/> when the file had none), the
/// target CRS, the compression profile, an optional pixel window of the source (a tile), and where the file goes.
/// </summary>
public sealed record CogRequest(
    string SourcePath,
    string? SourceCrs,
    string? AssignCrs,
    string TargetCrs,
    CogProfile Profile,
    string RasterType,
    double? NoData,
    PixelWindow? Window,
    string OutputPath);
