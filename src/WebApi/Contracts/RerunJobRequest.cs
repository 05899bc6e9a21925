namespace DagMaster.WebApi.Contracts;

public sealed record RerunJobRequest(string FromNode);
