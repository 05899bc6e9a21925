namespace DagMaster.Worker.Raster.Cog;

/// <summary>A rectangle of source pixels (a tile with its overlap).</summary>
public sealed record PixelWindow(int XOffset, int YOffset, int Width, int Height);
