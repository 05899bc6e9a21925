namespace DagMaster.Infrastructure.Instances;

/// <summary>A row of <c>dagmaster.instances</c>; mapped for the schema only (the registry reads and writes it with SQL).</summary>
internal sealed class InstanceRecord
{
    public string Id { get; set; } = null!;

    public string HostName { get; set; } = null!;

    public int ProcessId { get; set; }

    public string Version { get; set; } = null!;

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}
