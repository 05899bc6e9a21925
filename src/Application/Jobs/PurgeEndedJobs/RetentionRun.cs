namespace DagMaster.Application.Jobs.PurgeEndedJobs;

/// <summary>What a retention run did: when it finished, the cut-off it used and how many jobs it deleted.</summary>
public sealed record RetentionRun(DateTimeOffset FinishedAt, DateTimeOffset EndedBefore, int Deleted);
