namespace DagMaster.Application.Jobs.CompleteTask;

/// <summary><see cref="Outcome"/>: applied, stale or ignored.</summary>
public sealed record TaskResultResponse(string Outcome);
