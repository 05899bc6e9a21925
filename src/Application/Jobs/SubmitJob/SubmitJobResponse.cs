using DagMaster.Application.Jobs.GetJob;

namespace DagMaster.Application.Jobs.SubmitJob;

/// <summary>
/// <see cref="Replayed"/> is true when an earlier submission with the same idempotency key answered. A new job
/// comes with its <see cref="Details"/> as committed, so the caller needs no second read.
/// </summary>
public sealed record SubmitJobResponse(Guid JobId, bool Replayed, JobDetailsDto? Details = null);
