namespace DagMaster.Application.Jobs.SubmitJob;

/// <summary><see cref="Replayed"/> is true when an earlier submission with the same idempotency key answered.</summary>
public sealed record SubmitJobResponse(Guid JobId, bool Replayed);
