namespace DagMaster.Worker.Raster.Handlers;

/// <summary>One attempt of a raster task: its context and the folder its temporary files go to.</summary>
public sealed record RasterStep(TaskContext Context, string WorkFolder);
