namespace DagMaster.WebApi.Contracts;

public sealed record HeartbeatResponse(DateTimeOffset? LeaseExpiresAt, bool Cancel);
