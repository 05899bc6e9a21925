using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.ApplyTaskResults;

/// <summary>
/// Results for one or more jobs applied in one transaction: each job's results in order, one outcome per
/// result, in the order of <see cref="Jobs"/>.
/// </summary>
public sealed record ApplyTaskResultsCommand(IReadOnlyList<JobTaskResults> Jobs) : ICommand<IReadOnlyList<IReadOnlyList<ResultOutcome>>>;

/// <summary>The results that arrived for one job.</summary>
public sealed record JobTaskResults(JobId JobId, IReadOnlyList<TaskResult> Results);
