namespace DagMaster.Worker.Client;

internal sealed record HeartbeatRequestBody(TaskProgress? Progress);
