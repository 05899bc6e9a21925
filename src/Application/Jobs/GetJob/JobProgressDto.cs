namespace DagMaster.Application.Jobs.GetJob;

/// <summary>Node counts; completed counts skipped nodes too (both are done), failed and cancelled are counted apart.</summary>
public sealed record JobProgressDto(int NodesTotal, int NodesCompleted, int NodesRunning, int NodesFailed, double Percent);
