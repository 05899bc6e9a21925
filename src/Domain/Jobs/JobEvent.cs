namespace DagMaster.Domain.Jobs;

/// <summary>One entry of a job's append-only timeline.</summary>
public sealed class JobEvent
{
    private JobEvent()
    {
        // For EF Core.
    }

    internal JobEvent(JobId jobId, string type, string? nodeId, string? dataJson, string? actor, DateTimeOffset occurredAt)
    {
        JobId = jobId;
        Type = type;
        NodeId = nodeId;
        DataJson = dataJson;
        Actor = actor;
        OccurredAt = occurredAt;
    }

    public long Id { get; private set; }

    public JobId JobId { get; private set; }

    public string Type { get; private set; } = null!;

    public string? NodeId { get; private set; }

    public string? DataJson { get; private set; }

    public string? Actor { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }
}
