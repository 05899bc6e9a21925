namespace DagMaster.Domain.Jobs;

/// <summary>What a worker tells about the attempt it ran: how long its handler took and who it is; both optional.</summary>
public sealed record TaskRun(long? DurationMs, string? WorkerId)
{
    public static TaskRun? Of(long? durationMs, string? workerId) =>
        durationMs is null && string.IsNullOrEmpty(workerId) ? null : new TaskRun(durationMs, string.IsNullOrEmpty(workerId) ? null : workerId);
}
