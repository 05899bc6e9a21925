namespace DagMaster.Application.Abstractions;

public sealed record HeartbeatResult(HeartbeatStatus Status, DateTimeOffset? LeaseExpiresAt);
