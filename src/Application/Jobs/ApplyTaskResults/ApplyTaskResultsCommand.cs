using DagMaster.Domain.Jobs;

namespace DagMaster.Application.Jobs.ApplyTaskResults;

/// <summary>Results for one job applied in order in one transaction; one outcome per result.</summary>
public sealed record ApplyTaskResultsCommand(JobId JobId, IReadOnlyList<TaskResult> Results) : ICommand<IReadOnlyList<ResultOutcome>>;
