namespace DagMaster.Application.Jobs.SubmitJob;

/// <summary>Submissions that arrived together, created in one transaction; one outcome per submission, in order.</summary>
public sealed record SubmitJobsCommand(IReadOnlyList<JobSubmissionRequest> Submissions) : ICommand<IReadOnlyList<SubmissionOutcome>>;

/// <summary>The submission's answer, or the refusal (unknown workflow, bad inputs, idempotency conflict) it got.</summary>
public sealed record SubmissionOutcome(SubmitJobResponse? Response, Exception? Refusal);
