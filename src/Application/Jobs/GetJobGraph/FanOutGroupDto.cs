namespace DagMaster.Application.Jobs.GetJobGraph;

/// <summary>A fan-out's children as one group: counts by status, the first start and the last end among them.</summary>
public sealed record FanOutGroupDto(
    string NodeId,
    IReadOnlyDictionary<string, int> CountsByStatus,
    DateTimeOffset? FirstStartedAt,
    DateTimeOffset? LastCompletedAt)
{
    public int Total => CountsByStatus.Values.Sum();

    public int Count(string status) => CountsByStatus.GetValueOrDefault(status);
}
