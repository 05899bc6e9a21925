namespace DagMaster.WebApi.Contracts;

public sealed record TaskErrorRequest(string Message, string? Type, bool Retryable = true);
