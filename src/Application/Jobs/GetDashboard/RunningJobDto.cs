using DagMaster.Application.Jobs.ListJobs;

namespace DagMaster.Application.Jobs.GetDashboard;

/// <summary>A running job with its node counts; done counts completed and skipped nodes.</summary>
public sealed record RunningJobDto(JobSummaryDto Job, int NodesTotal, int NodesDone, int NodesFailed)
{
    public double Percent => NodesTotal == 0 ? 0 : Math.Round(100.0 * NodesDone / NodesTotal, 1);
}
