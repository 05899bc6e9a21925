namespace DagMaster.WebApi.Contracts;

public sealed record CreateApiKeyRequest(string? Name);
