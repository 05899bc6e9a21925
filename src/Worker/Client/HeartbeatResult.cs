namespace DagMaster.Worker.Client;

/// <summary>The answer to a heartbeat.</summary>
public sealed record HeartbeatResult(LeaseStatus Status, DateTimeOffset? LeaseExpiresAt);
