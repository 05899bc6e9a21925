namespace DagMaster.WebApi.Contracts;

public sealed record CancelJobRequest(string? Reason);
