namespace DagMaster.Worker.Client;

internal sealed record FailRequestBody(TaskError Error, long DurationMs, string WorkerId);
