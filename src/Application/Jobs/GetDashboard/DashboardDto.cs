using DagMaster.Application.Jobs.ListJobs;

namespace DagMaster.Application.Jobs.GetDashboard;

/// <summary>
/// <see cref="CountsByStatus"/> is exact up to <see cref="ExactCountLimit"/> per status; a larger count is the planner's
/// estimate and its status is listed in <see cref="EstimatedStatuses"/>. <see cref="CompletedPerMinute"/> holds one
/// count per minute, oldest first, the last entry being the current minute; <see cref="Workers"/> lists each worker
/// holding leased tasks.
/// </summary>
public sealed record DashboardDto(
    IReadOnlyDictionary<string, long> CountsByStatus,
    IReadOnlyList<string> EstimatedStatuses,
    IReadOnlyList<RunningJobDto> Running,
    IReadOnlyList<JobSummaryDto> RecentFailures,
    IReadOnlyList<int> CompletedPerMinute,
    long QueuedTasks,
    IReadOnlyList<WorkerActivityDto> Workers)
{
    /// <summary>Counting stops here: beyond it a status's count is estimated, so the dashboard costs the same at any size.</summary>
    public const int ExactCountLimit = 10_000;
}
