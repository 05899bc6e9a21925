namespace DagMaster.Application.Jobs.GetDashboard;

/// <summary>
/// What the operators' dashboard shows: job counts by status, the newest running jobs with their progress, the
/// newest failures, completions per minute, queue depth and worker activity. Every part is one indexed or
/// grouped query; no job list is loaded whole.
/// </summary>
public sealed record GetDashboardQuery(int Take = 10, int Minutes = 30) : IQuery<DashboardDto>;
