namespace DagMaster.Application.Jobs.PurgeEndedJobs;

/// <summary>
/// Deletes jobs that ended more than <paramref name="RetentionDays"/> days ago, with their nodes and timeline, in
/// batches of <paramref name="BatchSize"/> (each its own transaction), at most <paramref name="MaxBatches"/> of them.
/// Jobs an asset revision (a B2B request) refers to are kept.
/// </summary>
public sealed record PurgeEndedJobsCommand(int RetentionDays, int BatchSize, int MaxBatches) : ICommand<int>;
