namespace DagMaster.Application.Jobs.FindDueWork;

/// <summary>What the sweep has to do now: expired attempts, due retries, passed deadlines.</summary>
public sealed record FindDueWorkQuery(int Limit = 500) : IQuery<DueWork>;
