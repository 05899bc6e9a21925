namespace DagMaster.WebApi.Contracts;

public sealed record FailTaskRequest(TaskErrorRequest Error, long? DurationMs, string? WorkerId);
