namespace DagMaster.Application.Jobs.GetDashboard;

public sealed record WorkerActivityDto(string WorkerId, int LeasedTasks, DateTimeOffset LastClaimAt);
