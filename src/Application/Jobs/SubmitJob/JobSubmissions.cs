using System.Runtime.ExceptionServices;
using DagMaster.Application.Common.GroupCommit;
using DagMaster.Application.Common.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Application.Jobs.SubmitJob;

/// <summary>
/// Where submissions enter. A validated submission joins the group commit, which creates a batch of jobs as one
/// <see cref="SubmitJobsCommand"/> in a scope of its own (at most <see cref="MaxJobs"/> per transaction). Every
/// submission is its own key. A refusal answers only its own submission; a transaction that fails as a whole
/// (say, two new submissions with one idempotency key) is retried one submission at a time, so each gets the
/// answer it would have got alone.
/// </summary>
public sealed class JobSubmissions
{
    public const int MaxJobs = 64;

    /// <summary>
    /// Submission transactions at once: one per two cores (at most four). Each keeps about a core busy, building its
    /// batch here and executing it in PostgreSQL, while the requests' own work needs the others; fewer transactions
    /// gather bigger batches, and each job then pays less of a transaction's fixed cost (its statements' start-up, its
    /// commit's flush). On two cores four transactions of ~6 jobs made 2,230–3,030 jobs/s, one of ~25 jobs 3,060–3,510 (ADR-0121).
    /// </summary>
    public static readonly int MaxTransactions = Math.Clamp(Environment.ProcessorCount / 2, 1, 4);

    private readonly IServiceScopeFactory _scopes;
    private readonly IEnumerable<IValidator<JobSubmissionRequest>> _validators;
    private readonly GroupCommit<long, JobSubmissionRequest, SubmissionOutcome> _commit;
    private long _submitted;

    public JobSubmissions(IServiceScopeFactory scopes, IEnumerable<IValidator<JobSubmissionRequest>> validators)
    {
        _scopes = scopes;
        _validators = validators;
        _commit = new GroupCommit<long, JobSubmissionRequest, SubmissionOutcome>(
            new GroupCommitLimits(MaxTransactions, MaxJobs, MaxJobs, SharedKeyItems: 1), CreateAsync);
    }

    /// <summary>The new job, or the one an earlier submission with the same idempotency key created; throws the refusal otherwise.</summary>
    public async Task<SubmitJobResponse> SubmitAsync(JobSubmissionRequest submission, CancellationToken cancellationToken)
    {
        await MessageValidation.ThrowIfInvalidAsync(_validators, submission, cancellationToken);
        var outcome = await _commit.AddAsync(Interlocked.Increment(ref _submitted), submission);
        if (outcome.Refusal is { } refusal)
        {
            ExceptionDispatchInfo.Throw(refusal);
        }

        return outcome.Response!;
    }

    private async Task<IReadOnlyList<IReadOnlyList<SubmissionOutcome>>> CreateAsync(IReadOnlyList<KeyedItems<long, JobSubmissionRequest>> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var outcomes = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new SubmitJobsCommand([.. batch.Select(b => b.Items[0])]), CancellationToken.None);
        return [.. outcomes.Select(o => (IReadOnlyList<SubmissionOutcome>)[o])];
    }
}
