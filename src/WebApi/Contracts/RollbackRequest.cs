namespace DagMaster.WebApi.Contracts;

public sealed record RollbackRequest(int Revision);
