namespace DagMaster.Worker.Client;

internal sealed record HeartbeatResponseBody(DateTimeOffset? LeaseExpiresAt, bool Cancel);
