namespace DagMaster.Application.Instances.ListInstances;

/// <summary>One running (or recently running) host. <see cref="IsStale"/>: not seen for longer than <see cref="InstanceRules.StaleAfter"/>.</summary>
public sealed record InstanceDto(
    string InstanceId,
    string HostName,
    int ProcessId,
    string Version,
    DateTimeOffset StartedAt,
    DateTimeOffset LastSeenAt,
    bool IsStale);
