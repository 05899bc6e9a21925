using DagMaster.Application.Jobs.ListJobs;

namespace DagMaster.Application.Jobs.GetDashboard;

/// <summary>
/// <see cref="CompletedPerMinute"/> holds one count per minute, oldest first, the last entry being the current
/// minute; <see cref="Workers"/> lists each worker holding leased tasks.
/// </summary>
public sealed record DashboardDto(
    IReadOnlyDictionary<string, long> CountsByStatus,
    IReadOnlyList<RunningJobDto> Running,
    IReadOnlyList<JobSummaryDto> RecentFailures,
    IReadOnlyList<int> CompletedPerMinute,
    long QueuedTasks,
    IReadOnlyList<WorkerActivityDto> Workers);
