namespace DagMaster.WebApi.Contracts;

public sealed record RejectVersionRequest(string? Reason);
