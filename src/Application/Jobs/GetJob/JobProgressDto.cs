namespace DagMaster.Application.Jobs.GetJob;

/// <summary>
/// Node counts; completed counts skipped nodes too (both are done). <see cref="Percent"/> also credits running
/// nodes with the progress their workers report in heartbeats.
/// </summary>
public sealed record JobProgressDto(int NodesTotal, int NodesCompleted, int NodesRunning, int NodesFailed, double Percent);
